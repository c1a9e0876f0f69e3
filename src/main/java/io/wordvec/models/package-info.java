/**
 * The served models: {@link io.wordvec.models.ModelStore} owns the models directory (files, names,
 * publishing, the remembered default), {@link io.wordvec.models.ModelRegistry} what serves in
 * memory and which model is the default; plus the models API, health, metrics and info. Imports the
 * engine and system, never query, corpora or jobs.
 */
package io.wordvec.models;

package io.wordvec.models;

/**
 * Published by the {@link ModelRegistry} after the set of models or the default changed (startup
 * loading, a registered model, an activation), for views of the registry kept elsewhere, such as
 * the per-model gauges. Queries never wait for it: they read the registry's snapshot.
 */
public record ModelsChangedEvent() {}

/**
 * The service's ground floor: problem details (the one {@link io.wordvec.system.ApiException}
 * hierarchy and the one advice), the OpenAPI description, request limits, security, the data
 * directory and atomic JSON records. Feature packages build on it; it imports none of them (models,
 * query, corpora, jobs).
 */
package io.wordvec.system;

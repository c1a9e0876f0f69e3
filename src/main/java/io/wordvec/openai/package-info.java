/**
 * The OpenAI-compatible API: {@code POST /v1/embeddings} (and its alias {@code /embeddings}) and
 * {@code GET /v1/models}, in OpenAI's request and response shapes, so that OpenAI SDKs, LangChain,
 * LlamaIndex and Spring AI can use wordvec as an embedding backend. Errors on these routes are the
 * service's problems, rendered in OpenAI's envelope ({@link io.wordvec.openai.OpenAiErrors}).
 * Builds on models and system and the engine; must not import query, corpora or jobs.
 */
package io.wordvec.openai;

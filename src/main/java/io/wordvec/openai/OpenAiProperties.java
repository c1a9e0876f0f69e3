package io.wordvec.openai;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenAI-compatible API ({@code wordvec.openai.*}).
 *
 * @param weighting how {@code /v1/embeddings} averages a text's word vectors when the request does
 *     not say: {@code mean} (default) or {@code sif}
 */
@ConfigurationProperties("wordvec.openai")
public record OpenAiProperties(@DefaultValue("mean") String weighting) {}

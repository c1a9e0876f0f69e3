package io.wordvec.models;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the models live and which one answers for {@code default}.
 *
 * @param dir the models directory: every model file in it is loaded at startup, and training jobs
 *     save their models there
 * @param defaultModel the model that answers for {@code default}; empty means the one last
 *     activated through the API, else the only one, else the first by name
 * @param loadOnStartup load the directory when the application starts (tests turn it off to observe
 *     the not-ready state)
 */
@ConfigurationProperties("wordvec.models")
public record ModelsProperties(
    @DefaultValue("models") Path dir,
    @DefaultValue("") String defaultModel,
    @DefaultValue("true") boolean loadOnStartup) {}

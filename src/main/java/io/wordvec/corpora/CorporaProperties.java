package io.wordvec.corpora;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of corpus uploads ({@code wordvec.corpora.*}).
 *
 * @param maxSize largest accepted upload; applies to the bytes received and, for gzip, to the
 *     uncompressed text as well
 */
@ConfigurationProperties("wordvec.corpora")
public record CorporaProperties(@DefaultValue("1GB") DataSize maxSize) {}

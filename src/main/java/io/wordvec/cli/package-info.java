/**
 * The command line ({@code wordvec train | fine-tune | evaluate | convert | neighbors | index |
 * align}): picocli commands over the engine, with exit codes and one-line errors.
 *
 * <p>Imports engine packages only: never Spring or the service packages ({@code models}, {@code
 * query}, {@code jobs}, {@code system}).
 */
package io.wordvec.cli;

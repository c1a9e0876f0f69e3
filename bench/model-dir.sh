#!/usr/bin/env bash
# Sourced by the load scripts that start the service on one model under another name.
# The service refuses a symbolic link that leads out of its models directory (a link is a way out
# of it), so the model goes into a directory beside it as a hard link: same filesystem, no copy.
#
#   models_dir_for FILE        prints a new, empty directory beside FILE; the caller removes it
#   serve_as FILE DIR NAME     FILE in DIR as NAME: a hard link, or a copy where none can be made

models_dir_for() {
  mktemp -d "$(dirname "$(realpath "$1")")/.wordvec-bench-models.XXXXXX"
}

serve_as() {
  ln "$(realpath "$1")" "$2/$3" 2>/dev/null || cp "$(realpath "$1")" "$2/$3"
}

#!/usr/bin/env python3
"""Copies the files of a build context that a .dockerignore lets through, with BuildKit's rules (moby/patternmatcher):
patterns in order, the last one matching a path or any of its parent directories decides, '!' lets it back in,
'*' and '?' stay within one path segment, '**' spans any number of them.
Usage: dockerignore.py CONTEXT DOCKERIGNORE DEST"""
import os
import re
import shutil
import sys


def compile_pattern(pattern):
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile("^" + out + "$")


def read_patterns(path):
    patterns = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            keep = line.startswith("!")
            body = os.path.normpath(line[1:].strip() if keep else line).lstrip("/")
            patterns.append((compile_pattern(body), keep))
    return patterns


def included(rel, patterns):
    parts = rel.split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    decision = True
    for regex, keep in patterns:
        if any(regex.match(c) for c in candidates):
            decision = keep
    return decision


def main(context, dockerignore, dest):
    patterns = read_patterns(dockerignore)
    copied = 0
    for folder, dirs, files in os.walk(context):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in files:
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, context).replace(os.sep, "/")
            if included(rel, patterns):
                target = os.path.join(dest, rel)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copy2(full, target)
                copied += 1
    if copied == 0:
        sys.exit("dockerignore.py: nothing in the context passes " + dockerignore)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])

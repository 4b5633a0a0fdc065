#!/usr/bin/env node
// The installed `orrery` binary: a fixed file (so the bin link exists before the first build)
// that loads the built CLI.
import '../dist/bin.js';

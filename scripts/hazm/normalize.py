#!/usr/bin/env python3
"""hazm's Normalizer as a long-running helper, for e2e/test_persian_normalization.py.

Runs with PYTHONPATH set to the folder scripts/hazm/install fills (hazm's dependencies there differ from
the test suite's, so they stay out of the pytest process). Usage:

    PYTHONPATH=.build/hazm python3 scripts/hazm/normalize.py '{"correct_spacing": true, ...}'

The argument holds the keyword arguments of `hazm.Normalizer`. Then each line on stdin is a JSON object
{"texts": [...], "characters": [...]}; the answer is one JSON line with both lists normalized: "texts" by
that Normalizer, "characters" by the same options without the word-level steps (correct_spacing,
decrease_repeated_chars, seperate_mi), for numbers the test cut out of the sentences (hazm's tokenizer
would split "۲۸٫۲٪" into "۲۸ ٫ ۲ ٪"). The first line on stdout is {"ready": VERSION}.
"""
import json
import sys
from importlib import metadata

from hazm import Normalizer


def main():
    options = json.loads(sys.argv[1])
    sentences = Normalizer(**options)
    characters = Normalizer(**{**options, "correct_spacing": False, "decrease_repeated_chars": False, "seperate_mi": False})
    print(json.dumps({"ready": metadata.version("hazm")}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        answer = {"texts": [sentences.normalize(text) for text in request.get("texts", [])],
                  "characters": [characters.normalize(text) for text in request.get("characters", [])]}
        print(json.dumps(answer, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()

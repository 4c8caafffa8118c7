"""Committed and reported notebooks store one output per run of printed text (clean_notebook)."""


def test_printed_text_cut_into_two_stream_messages_is_stored_as_one_output():
    """A refresh of solutions 02 once stored its two print() calls as two outputs, the run before as one: how the
    kernel cut the text depends on when it flushed. clean_notebook keeps one output per run of printed text."""
    from exportrow.nbtools import clean_notebook

    cell = {"cell_type": "code", "metadata": {}, "source": "", "outputs": [
        {"output_type": "stream", "name": "stdout", "text": "table\n"},
        {"output_type": "stream", "name": "stderr", "text": "warning\n"},
        {"output_type": "stream", "name": "stdout", "text": ["\nnever move: ", "a, b\n"]},
        {"output_type": "display_data", "data": {"text/plain": "x"}, "metadata": {}},
        {"output_type": "stream", "name": "stdout", "text": "after\n"}]}
    outs = clean_notebook({"metadata": {}, "cells": [cell]})["cells"][0]["outputs"]
    assert [(o["output_type"], o.get("text")) for o in outs] == [
        ("stream", "table\n\nnever move: a, b\n"), ("display_data", None), ("stream", "after\n")]

"""Realistic newsroom data at any size, for benchmarks and trying the product at scale.

`manage.py seed_newsroom` is the entry point; corpus.py holds the words, text.py makes news-like
text from them, plan.py decides what each story is, writer.py writes it in bulk.
"""

"""kbgen: news articles in, a cross-linked static knowledge base out."""

__version__ = "0.1.0"

"""Linkwijzer: the backlink assessment framework of the source article, as pure Python."""

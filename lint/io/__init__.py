"""Reading and writing: file discovery, JSONL records, the one atomic writer, the persistent index.

Nothing here knows a rule: these modules move bytes between the disk and the
executors (`doclint.runner`, `doclint.ray_engine`).
"""

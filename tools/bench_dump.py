"""mkdocs hook used only by tools/bench.py: writes every page's Markdown after
the macros have run, and the final nav, so the same pages can be built again
without macros."""

from __future__ import annotations

import json
import os
from pathlib import Path

OUT = Path(os.environ.get("BBG_BENCH_DUMP", "/tmp/bbg-bench-dump"))


def on_config(config):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "nav.json").write_text(json.dumps(config["nav"], ensure_ascii=False), encoding="utf-8")
    snippets = config["mdx_configs"].get("pymdownx.snippets", {})
    (OUT / "snippets.json").write_text(json.dumps(snippets), encoding="utf-8")
    return config


def on_page_markdown(markdown, page, config, files):
    target = OUT / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = page.meta or {}
    head = ""
    if meta.get("hide") or meta.get("title"):
        import yaml

        head = "---\n" + yaml.safe_dump({k: v for k, v in meta.items() if k in ("hide", "title")}, allow_unicode=True) + "---\n\n"
    target.write_text(head + markdown, encoding="utf-8")
    return markdown

"""Data strings are shown as text: HTML and Jinja syntax in data stay inert."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_project, run_build

HOSTILE = '<script>alert("x")</script> {{ config.site_name }} {% if true %}JA{% endif %} *fet* [länk](https://example.org/)'


def test_hostile_data_renders_as_inert_text(tmp_path: Path):
    project = copy_project(tmp_path / "projekt")
    plan = project / "data" / "handlingsplan" / "2019-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    old = "        text: Framtagande av indikatorer\n"
    assert old in text
    plan.write_text(text.replace(old, f"        text: '{HOSTILE}'\n"), encoding="utf-8")
    vision_old = "vision: Tillsammans skapar vi"
    plan.write_text(plan.read_text(encoding="utf-8").replace(vision_old, "vision: <b>fet</b> {{ 7*7 }} Tillsammans skapar vi"), encoding="utf-8")

    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]

    html = (site / "handlingsplan" / "2019-2023" / "index.html").read_text(encoding="utf-8")
    row = html.split('id="aktivitet-6-2"', 1)[1].split("</tr>", 1)[0]
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in row
    assert "<script>alert" not in html
    assert "{{ config.site_name }}" in row  # not replaced by the site name
    assert "{% if true %}JA{% endif %}" in row
    assert "*fet* [länk](https://example.org/)" in row  # not turned into Markdown
    start = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;fet&lt;/b&gt; {{ 7*7 }} Tillsammans" in start
    assert "<b>fet</b>" not in start

"""mkdocs hooks (glue): add the files generated from data to the build.

Listed under `hooks:` in mkdocs.yml. The data itself was loaded and validated
once by the macros glue (define_env, at on_config); this only publishes the
bytes that macros.generated_files() makes from it, as mkdocs File objects, so
that links to them are validated like any other page or asset.
"""

from __future__ import annotations

from mkdocs.structure.files import File, Files


def on_files(files: Files, config) -> Files:
    import macros

    site = macros.CURRENT.get("site")
    if site is None:  # the macros plugin did not run; nothing to generate from
        return files
    for path, content in sorted(macros.generated_files(site).items()):
        files.append(File.generated(config, path, content=content))
    return files

"""Every command, subcommand, option and argument of the CLI is documented in the README.

The click command tree is walked (as sqlite-utils' documentation tests do): each
command must be named in the README as ``claimex <command> [<subcommand>]``, and
each of its options (its long flag) and arguments (their metavar, e.g. ``OUTPUTS``)
must appear in a README section that names the command, so an option added to a
command without a word in the README fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from claimex.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(cmd: click.Command = main, path: tuple[str, ...] = ()):
    yield path, cmd
    if isinstance(cmd, click.Group):
        ctx = click.Context(cmd, info_name="claimex")
        for name in cmd.list_commands(ctx):
            yield from _commands(cmd.get_command(ctx, name), (*path, name))


COMMANDS = list(_commands())


def _sections(text: str) -> list[str]:
    """The README cut at its headings (a heading starts its section)."""
    out, cur = [], []
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if line.startswith("#") and not fenced and cur:
            out.append("\n".join(cur))
            cur = []
        cur.append(line)
    out.append("\n".join(cur))
    return out


SECTIONS = _sections(README)


def _names(path: tuple[str, ...]) -> str:
    return " ".join(("claimex", *path))


def _mentions(text: str, words: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text) is not None


def _where(path: tuple[str, ...]) -> str:
    """The README sections that name the command (all of it for the top-level group)."""
    if not path:
        return README
    return "\n".join(s for s in SECTIONS if _mentions(s, _names(path)))


def _metavar(param: click.Argument, cmd: click.Command) -> str:
    ctx = click.Context(cmd, info_name=cmd.name)
    try:
        return param.make_metavar(ctx)
    except TypeError:  # click < 8.2
        return param.make_metavar()


def _params():
    for path, cmd in COMMANDS:
        for p in cmd.params:
            if isinstance(p, click.Option):  # any of its flags documents it (`-o` or `--output`)
                flags = tuple(p.opts + p.secondary_opts)
                main_flag = max(flags, key=len)
                yield pytest.param(path, flags, id=f"{_names(path)} {main_flag}")
            elif isinstance(p, click.Argument):
                for word in re.findall(r"[A-Z][A-Z_]*", _metavar(p, cmd)):
                    yield pytest.param(path, (word,), id=f"{_names(path)} {word}")


@pytest.mark.parametrize("path", [pytest.param(p, id=_names(p)) for p, _ in COMMANDS if p])
def test_every_command_is_named_in_the_readme(path):
    assert _mentions(README, _names(path)), f"README never names `{_names(path)}`"


@pytest.mark.parametrize(("path", "words"), list(_params()))
def test_every_option_and_argument_is_in_the_readme_section_of_its_command(path, words):
    where = _where(path)
    assert where, f"no README section names `{_names(path)}`"
    assert any(_mentions(where, w) for w in words), f"`{_names(path)}`: {' / '.join(words)} is in no README section that names the command"


def test_the_walk_finds_the_known_commands_and_a_missing_option_fails():
    """The test above cannot pass vacuously: it sees the commands and subcommands, and an
    option no README section mentions is reported."""
    names = {_names(p) for p, _ in COMMANDS}
    assert {"claimex run", "claimex eval", "claimex query quotes", "claimex review"} <= names
    assert len(list(_params())) > 50
    assert not _mentions(_where(("run",)), "--no-such-option")
    assert _mentions("use `--jobs 2`", "--jobs") and not _mentions("--jobs-max", "--jobs")

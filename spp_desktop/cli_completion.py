"""`spp-desktop completion bash`: a bash (and zsh, via bashcompinit) completion script made from the
argument parser itself, so it never lists a command or option the CLI does not have.

    eval "$(spp-desktop completion bash)"        # or save it in ~/.local/share/bash-completion/completions/spp-desktop
"""

from __future__ import annotations

import argparse

TEMPLATE = """# bash completion for spp-desktop (made by `spp-desktop completion bash`)
_spp_desktop() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in
            -*) ;;
            *) command="${{COMP_WORDS[i]}}"; break ;;
        esac
    done
    local words
    case "$command" in
{cases}
        *) words="{commands} {top_options}" ;;
    esac
    if [[ "$cur" != -* && -n "$command" ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    else
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    fi
}}
complete -o filenames -F _spp_desktop spp-desktop
"""


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return [flag for action in parser._actions for flag in action.option_strings]


def bash_script(parser: argparse.ArgumentParser) -> str:
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    commands = dict(subparsers.choices)
    cases = "\n".join(f'        {name}) words="{" ".join(_options(sub))}" ;;' for name, sub in commands.items())
    return TEMPLATE.format(cases=cases, commands=" ".join(commands), top_options=" ".join(_options(parser)))

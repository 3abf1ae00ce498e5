#!/usr/bin/env python3
"""Prints the WCAG contrast ratio of the colour pairs the dashboard's stylesheet uses, in its
light and its dark theme, from the custom properties of dashboard.css; exits 1 when a pair
falls short (4.5:1 for text, 3:1 for the edges of controls and the focus ring).

    python3 docs/tools/contrast.py

The browser tests (DashboardAccessibilityBrowserTests) check the rendered page itself; this
is the quick look while choosing a colour.
"""
import re
import sys
from pathlib import Path

CSS = Path(__file__).resolve().parents[2] / 'jobs-spring-boot-web/src/main/resources/dev/jobs/web/dashboard/dashboard.css'

TEXT, UI = 4.5, 3.0
STATUSES = ['completed', 'failed', 'running', 'pending', 'scheduled', 'cancelled']
PAIRS = [(fg, bg, TEXT) for fg in ['text', 'muted', 'accent', 'danger', 'ok', 'warn', 'failed']
         for bg in ['bg', 'surface', 'surface-2']]
PAIRS += [('text', 'code-bg', TEXT), ('accent-text', 'accent', TEXT)]
PAIRS += [(status, status + '-bg', TEXT) for status in STATUSES]
PAIRS += [(fg, bg, UI) for fg in ['control-border', 'focus'] for bg in ['bg', 'surface', 'surface-2']]
PAIRS += [('focus', status + '-bg', UI) for status in STATUSES]


def variables(block):
    return dict(re.findall(r'--([\w-]+):\s*(#[0-9a-fA-F]{6})', block))


def luminance(colour):
    def channel(value):
        c = int(value, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b):
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def main():
    css = CSS.read_text()
    dark_at = css.index('@media (prefers-color-scheme: dark)')
    light = variables(css[:dark_at])
    dark = {**light, **variables(css[dark_at:css.index('\n}\n', dark_at)])}
    failures = 0
    for name, theme in [('light', light), ('dark', dark)]:
        print(f'== {name}')
        for fg, bg, needed in PAIRS:
            value = ratio(theme[fg], theme[bg])
            failures += value < needed
            mark = '  ' if value >= needed else 'X '
            print(f'{mark}{fg} {theme[fg]} on {bg} {theme[bg]}: {value:.2f} (needs {needed})')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

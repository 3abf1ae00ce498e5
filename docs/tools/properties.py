#!/usr/bin/env python3
"""Writes docs/configuration-properties.md from the configuration metadata.

The table is generated, never edited by hand. After a compile, from the repository root:

    ./mvnw -q -B -ntp -pl jobs-spring-boot-autoconfigure,jobs-spring-boot-web -am -DskipTests install
    python3 docs/tools/properties.py

Map-valued properties (jobs.queues, jobs.handlers, jobs.recurring) have no entries of
their own in the metadata; their keys are read from the javadoc and fields of the map's
value type in the sources, so they are generated too.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULE = ROOT / "jobs-spring-boot-autoconfigure"
METADATA = MODULE / "target/classes/META-INF/spring-configuration-metadata.json"
# modules whose metadata adds properties of their own (no map-valued ones)
MORE_METADATA = [ROOT / "jobs-spring-boot-web/target/classes/META-INF/spring-configuration-metadata.json"]
SOURCES = MODULE / "src/main/java"
OUTPUT = ROOT / "docs/configuration-properties.md"

GROUPS = [
    ("jobs.worker.", "Worker"),
    ("jobs.queues", "Queues"),
    ("jobs.defaults.", "Defaults of every job"),
    ("jobs.handlers", "Per handler"),
    ("jobs.recurring", "Recurring jobs"),
    ("jobs.defaults.recurring.", "Recurring jobs"),
    ("jobs.history.", "History and job logs"),
    ("jobs.schema.", "Schema"),
    ("jobs.payload.", "Payloads"),
    ("jobs.health.", "Health"),
    ("jobs.notifications.", "Notifications (PostgreSQL)"),
    ("jobs.web.", "Operations console"),
    ("management.endpoint.jobs.", "The jobs Actuator endpoint"),
    ("jobs.", "General"),
]


def kebab(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def short_type(java_type):
    java_type = java_type.replace("$", ".")
    return re.sub(r"\b(?:[a-z]\w*\.)+", "", java_type)


def default_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    if isinstance(value, list):
        return "`" + ",".join(str(v) for v in value) + "`"
    return "`%s`" % value


def cell(text):
    return " ".join((text or "").split()).replace("|", "\\|")


def class_body(java_type):
    """Returns the source text of a (possibly nested) class, or None."""
    outer, _, nested = java_type.partition("$")
    path = SOURCES / (outer.replace(".", "/") + ".java")
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    if not nested:
        return text
    match = re.search(r"\bclass\s+%s\b[^{]*\{" % re.escape(nested.split("$")[-1]), text)
    if not match:
        return None
    depth, start = 1, match.end()
    for index in range(start, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return text[start:index]
    return None


FIELD = re.compile(
    r"/\*\*(?P<doc>(?:(?!\*/).)*)\*/\s*private\s+(?:final\s+)?(?:@\w+\s+)?"
    r"(?P<type>[\w.<>, ]+?)\s+(?P<name>\w+)\s*(?:=\s*(?P<init>[^;]+))?;",
    re.S,
)


def doc_text(doc):
    lines = [line.strip().lstrip("*").strip() for line in doc.splitlines()]
    text = " ".join(line for line in lines if line and not line.startswith("@"))
    return re.sub(r"\{@(?:code|link|linkplain)\s+([^}]*)\}", r"\1", text)


def nested_keys(prefix, java_type, owner):
    """Keys of a map's value type, read from its fields and their javadoc."""
    body = class_body(java_type)
    if body is None:
        return []
    keys = []
    for field in FIELD.finditer(body):
        field_type = field.group("type").strip()
        name = prefix + "." + kebab(field.group("name"))
        nested_type = owner + "$" + field_type
        if class_body(nested_type) is not None and field_type[0].isupper() and "<" not in field_type \
                and field_type not in ("String", "Duration", "Integer", "Double", "Boolean", "Instant"):
            keys.extend(nested_keys(name, nested_type, owner))
            continue
        key = {"name": name, "type": field_type, "description": doc_text(field.group("doc"))}
        init = (field.group("init") or "").strip()
        if re.fullmatch(r'true|false|-?\d+(\.\d+)?|"[^"]*"', init):
            key["defaultValue"] = init.strip('"')
        keys.append(key)
    return keys


def main():
    if not METADATA.exists():
        sys.exit("%s is missing: compile jobs-spring-boot-autoconfigure first" % METADATA)
    metadata = json.loads(METADATA.read_text(encoding="utf-8"))
    for more in MORE_METADATA:
        if not more.exists():
            sys.exit("%s is missing: compile %s first" % (more, more.parents[3].name))
        metadata["properties"] += json.loads(more.read_text(encoding="utf-8"))["properties"]
    rows = []
    for prop in metadata["properties"]:
        java_type = prop.get("type", "")
        if java_type.startswith("java.util.Map<java.lang.String,"):
            value_type = java_type[len("java.util.Map<java.lang.String,"):-1]
            owner = value_type.split("$")[0]
            rows.append({**prop, "name": prop["name"] + ".<name>", "type": "map of " + short_type(value_type)})
            rows.extend({**key, "name": key["name"].replace(prop["name"] + ".", prop["name"] + ".<name>.", 1)}
                        for key in nested_keys(prop["name"], value_type, owner))
        else:
            rows.append({**prop, "type": short_type(java_type)})
    grouped = {title: [] for _, title in GROUPS}
    for row in rows:
        # the longest prefix that matches decides the section
        matching = [(prefix, title) for prefix, title in GROUPS
                    if row["name"].startswith(prefix) or row["name"] == prefix.rstrip(".")]
        grouped[max(matching, key=lambda group: len(group[0]))[1]].append(row)
    out = [
        "# Configuration properties",
        "",
        "<!-- Generated by docs/tools/properties.py from the configuration metadata; do not edit. -->",
        "",
        "Generated from `META-INF/spring-configuration-metadata.json` of",
        "`jobs-spring-boot-autoconfigure` and `jobs-spring-boot-web` by",
        "[`docs/tools/properties.py`](tools/properties.py).",
        "The metadata your IDE completes is the authoritative reference; see",
        "[Configuration](configuration.md) for how the settings work together.",
        "",
    ]
    for title in grouped:
        group = grouped[title]
        if not group:
            continue
        out += ["## " + title, "", "| property | type | default | description |", "| --- | --- | --- | --- |"]
        for row in sorted(group, key=lambda r: r["name"]):
            out.append("| `%s` | %s | %s | %s |" % (
                row["name"], cell(row.get("type")), default_text(row.get("defaultValue")),
                cell(row.get("description"))))
        out.append("")
    OUTPUT.write_text("\n".join(out), encoding="utf-8")
    print("wrote %s (%d properties)" % (OUTPUT.relative_to(ROOT), len(rows)))


if __name__ == "__main__":
    main()

"""Validates rendered Kubernetes manifests offline, each object against the schema of its kind.

    python validate_manifests.py --kube-version 1.33.0 --crds <dir> [--crds <dir>...] FILE...

Built-in kinds are checked by kubernetes-validate (strict: an unknown field is an error),
custom resources against the openAPIV3Schema of their CustomResourceDefinition found in the
--crds folders, made strict the same way: an object schema that lists its properties and
neither preserves unknown fields nor says what else it allows takes nothing else, which is
what the API server's strict field validation does.

Prints one line per problem and one per object no schema covers, then a summary line:
    deploy: N objects, N validated, N errors, N unvalidated
Exits 1 when any object has an error or when no schema covers an object (unless
--allow-unvalidated), 2 on bad input.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import kubernetes_validate
import yaml

# libyaml's parser: the operators' CRDs are megabytes of YAML, ~60 s in pure Python.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ManifestLoader(LOADER):  # type: ignore[misc, valid-type]
    """Refuses a key given twice in one mapping, which the API server's own decoder refuses
    and PyYAML would quietly settle by keeping the last (a template that emits a label twice)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_documents(paths: list[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path in paths:
        text = sys.stdin.read() if path == "-" else Path(path).read_text()
        try:
            docs = [doc for doc in yaml.load_all(text, Loader=ManifestLoader) if doc]
        except yaml.YAMLError as e:
            raise ValueError(f"{path} is not valid YAML: {e}".replace("\n", " ")) from e
        yield from ((path, doc) for doc in docs)


def strict(schema: Any) -> Any:
    """A copy of a CRD schema in which objects refuse properties they do not list."""
    if isinstance(schema, list):
        return [strict(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: strict(value) for key, value in schema.items()}
    if (
        "properties" in out
        and "additionalProperties" not in out
        and not out.get("x-kubernetes-preserve-unknown-fields")
    ):
        out["additionalProperties"] = False
    # OpenAPI's nullable: null is a value the API server accepts there.
    if out.get("nullable") and isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    return out


def with_object_meta(schema: dict[str, Any]) -> dict[str, Any]:
    """CRDs leave metadata open; the API server still checks name and labels are strings."""
    schema = copy.deepcopy(schema)
    meta = schema.setdefault("properties", {}).setdefault("metadata", {"type": "object"})
    meta.setdefault("properties", {})
    meta["properties"].update(
        {
            "name": {"type": "string", "pattern": r"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", "maxLength": 253},
            "labels": {"type": "object", "additionalProperties": {"type": "string"}},
            "annotations": {"type": "object", "additionalProperties": {"type": "string"}},
        }
    )
    return schema


def load_crd_schemas(folders: list[str]) -> dict[tuple[str, str], dict[str, Any]]:
    """(apiVersion, kind) -> strict schema, from every CRD YAML under the folders."""
    schemas: dict[tuple[str, str], dict[str, Any]] = {}
    for folder in folders:
        for file in sorted(Path(folder).rglob("*.yaml")):
            for doc in yaml.load_all(file.read_text(), Loader=LOADER):
                if not doc or doc.get("kind") != "CustomResourceDefinition":
                    continue
                spec = doc["spec"]
                for version in spec.get("versions", []):
                    schema = (version.get("schema") or {}).get("openAPIV3Schema")
                    if schema:
                        key = (f"{spec['group']}/{version['name']}", spec["names"]["kind"])
                        schemas[key] = with_object_meta(strict(schema))
    return schemas


def where(error: jsonschema.ValidationError) -> str:
    return "/".join(str(part) for part in error.absolute_path) or "(root)"


def validate(doc: dict[str, Any], crds: dict, kube_version: str) -> tuple[str, list[str]]:
    """('crd' | 'kubernetes' | 'none', problems)."""
    key = (doc.get("apiVersion", ""), doc.get("kind", ""))
    if key in crds:
        validator = jsonschema.Draft7Validator(crds[key])
        problems = [f"{where(e)}: {e.message}" for e in validator.iter_errors(doc)]
        return "crd", problems
    try:
        kubernetes_validate.validate(doc, kube_version, strict=True)
        return "kubernetes", []
    except kubernetes_validate.SchemaNotFoundError:
        return "none", []
    except kubernetes_validate.ValidationError as e:
        return "kubernetes", [f"{where(e)}: {e.message}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="rendered manifests, - for stdin")
    parser.add_argument("--kube-version", required=True)
    parser.add_argument("--crds", action="append", default=[], help="folder of CRD YAMLs")
    parser.add_argument("--allow-unvalidated", action="append", default=[], metavar="KIND",
                        help="a kind no schema covers that is listed, not failed")
    args = parser.parse_args()

    crds = load_crd_schemas(args.crds)
    counts = {"objects": 0, "validated": 0, "errors": 0, "unvalidated": 0}
    failed = False
    try:
        documents = list(load_documents(args.files))
    except ValueError as e:
        print(f"error {e}")
        print("deploy: 0 objects, 0 validated, 1 errors, 0 unvalidated")
        return 1
    for path, doc in documents:
        counts["objects"] += 1
        name = f"{doc.get('kind')}/{(doc.get('metadata') or {}).get('name')} ({doc.get('apiVersion')})"
        how, problems = validate(doc, crds, args.kube_version)
        if how == "none":
            counts["unvalidated"] += 1
            allowed = doc.get("kind") in args.allow_unvalidated
            failed = failed or not allowed
            print(f"unvalidated {name}: no schema for this kind{'' if allowed else ' (fails)'}")
            continue
        counts["validated"] += 1
        for problem in problems:
            counts["errors"] += 1
            failed = True
            print(f"error {name} in {path}: {problem}")
    print(
        f"deploy: {counts['objects']} objects, {counts['validated']} validated, "
        f"{counts['errors']} errors, {counts['unvalidated']} unvalidated"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

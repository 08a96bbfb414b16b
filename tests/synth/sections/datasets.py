"""The datasets a synthetic bulletin's truth fills, as the project's schemas define them
(src/bulletin_etl/schemas/datasets/*.yaml): their columns, row keys, column types and allowed
values. The generator keeps no copy of its own: a column the schemas add, rename or retype is the
truth's at once."""

from __future__ import annotations

from bulletin_etl.schemas import schema

from ..content import Column

PROVENANCE = ("source_page", "source_file", "sha256", "pages")
"""Columns the extractor fills from the PDF file, not from what is printed: no truth holds them."""

DERIVED = ("institution_id",)
"""Columns the extractor derives from printed ones (identity.py: the id of the printed institution
name, checked by tests/test_identity.py and tests/test_institution_ids.py): no truth holds them."""

NUMBER_TYPES = ("int", "float")


def columns(dataset: str) -> list[str]:
    """The columns of a truth row of `dataset`, in the schema's order."""
    return [name for name in schema(dataset).column_names if name not in PROVENANCE + DERIVED]


def keys(dataset: str) -> list[str]:
    """What tells one row of `dataset` from another within one bulletin: the schema's key less the
    year, or the year where it is the whole key (one row per bulletin)."""
    key = list(schema(dataset).key)
    return [name for name in key if name != "year"] or key


def allowed(dataset: str, column: str) -> tuple[str, ...]:
    """The values the schema allows in a column (referral types, periods …), in the schema's order."""
    values = schema(dataset).column(column).allowed
    if values is None:
        raise ValueError(f"the schema of {dataset} lists no allowed values for {column}")
    return values


def figure(dataset: str, header: tuple[str, ...], field: str) -> Column:
    """A printed column of figures feeding `field` of `dataset`, which the schema must type as a
    number (a column the section reshapes away, wide → long or 'a/b' → two columns, counts)."""
    if schema(dataset).type_of(field) not in NUMBER_TYPES:
        raise ValueError(f"{dataset}.{field} is not a number in its schema")
    return Column(header, "num", field)

"""How a real export's columns become sitegen's canonical outage, ticket or charge rows.

A mapping is data: sitegen ships some (`sitegen/data/mappings/*.toml`, read by
`sitegen.reports.mappings`) and a project adds its own in `sitegen.toml` as
`[reports.mappings.NAME]`, with the same keys. It lives here, beside the settings, so a
mistake in `sitegen.toml` is reported at its line like any other setting.

    rows         "tickets", "outages" or "charges": what the export holds
    format       "table" (CSV, JSON Lines, Parquet) or "prometheus" (a query_range JSON)
    columns      canonical column = the export's column (for prometheus: the label)
    optional     canonical columns the export may lack (they are then empty)
    time_format  strptime formats of the export's times, tried after ISO 8601
    priorities   the export's priority = the agreement's level, or its rank (1 = the
                 agreement's first, most severe, level); a value not named passes as it is
    kinds        the export's outage kind = a canonical kind
    step_seconds prometheus: the query's step; otherwise the smallest gap between samples
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

# The canonical columns, in the order of `sitegen.reports.rows`, and which a file must have.
CANONICAL: dict[str, tuple[str, ...]] = {
    "outages": ("agreement", "tier", "start", "end", "kind", "notified", "ref"),
    "tickets": ("agreement", "id", "priority", "opened", "responded", "resolved", "pauses"),
    "charges": ("agreement", "period", "tier", "charged", "paid", "currency", "ref"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "outages": ("start", "end"),
    "tickets": ("id", "priority", "opened"),
    "charges": ("period", "charged", "currency"),
}
# What a Prometheus series' labels can give; the rest comes from its samples.
LABELS = ("agreement", "tier", "ref")


class InputMapping(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""
    rows: Literal["outages", "tickets", "charges"]
    format: Literal["table", "prometheus"] = "table"
    columns: dict[str, str] = Field(description="Canonical column = the export's column")
    optional: list[str] = Field(default_factory=list)
    time_format: list[str] = Field(default_factory=list)
    priorities: dict[str, str | Annotated[int, Field(ge=1)]] = Field(default_factory=dict)
    kinds: dict[str, str] = Field(default_factory=dict)
    step_seconds: int | None = Field(default=None, ge=1)

    @field_validator("columns", "optional")
    @classmethod
    def _canonical(cls, value: Any, info: ValidationInfo) -> Any:
        """Each name is a column sitegen reads for the mapping's rows (labels: prometheus)."""
        rows, kind = info.data.get("rows"), info.data.get("format")
        if rows is None:
            return value
        allowed = LABELS if kind == "prometheus" else CANONICAL[rows]
        for name in value:
            if name not in allowed:
                raise PydanticCustomError(
                    "column",
                    "'{name}' is not a column sitegen reads here: use {allowed}",
                    {"name": name, "allowed": ", ".join(allowed)},
                )
        return value

    @model_validator(mode="after")
    def _complete(self) -> InputMapping:
        if self.format == "prometheus":
            if self.rows != "outages":
                raise PydanticCustomError(
                    "rows", 'a prometheus mapping gives outages: rows = "outages"'
                )
            return self
        missing = [name for name in REQUIRED[self.rows] if name not in self.columns]
        if missing:
            raise PydanticCustomError(
                "columns",
                "columns: give the export's column for {missing}",
                {"missing": ", ".join(missing)},
            )
        for name in self.optional:
            if name not in self.columns:
                raise PydanticCustomError(
                    "optional", "optional: '{name}' is not in columns", {"name": name}
                )
        return self


class InputFiles(BaseModel):
    """One `[[reports.inputs]]` of sitegen.toml: files of one kind that `sitegen report`
    reads without being told, e.g. the monitoring system's daily export."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rows: Literal["outages", "tickets", "charges"] = Field(description="What the files hold")
    files: list[Annotated[str, Field(min_length=1)]] = Field(
        min_length=1, description="Paths relative to the project folder"
    )
    mapping: str | None = Field(
        default=None, description="The mapping of an export's columns (a name), else canonical"
    )
    agreement: str | None = Field(
        default=None, description="The agreement of rows that name none (an export of one)"
    )


class ReportSettings(BaseModel):
    """`[reports]` of sitegen.toml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    mappings: dict[str, InputMapping] = Field(
        default_factory=dict, description="Mappings of exports to canonical rows, by name"
    )
    inputs: list[InputFiles] = Field(
        default_factory=list,
        description="Outage, ticket and charge files read by `sitegen report` when none are given",
    )

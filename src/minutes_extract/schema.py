"""The output model: one pydantic schema for everything extracted from a set of minutes."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

Money = Annotated[Decimal, PlainSerializer(float, return_type=float, when_used="json")]

SCHEMA_VERSION = "1.1"


class Record(BaseModel):
    """Provenance shared by every extracted record."""

    model_config = ConfigDict(extra="forbid")

    span: tuple[int, int] = Field(description="character span [start, end) in the document text")
    line: int = Field(ge=1, description="1-based line of the span's start")
    page: int | None = Field(default=None, ge=1, description="1-based page, for paged inputs")
    rule: str = Field(description="the rule that produced the record")


class Item(Record):
    number: str | None = Field(description="the item number as written, e.g. '27', '4.2', '01/19'")
    title: str
    text: str
    subheadings: list[str] = Field(default_factory=list)


class Attendee(Record):
    name: str
    status: Literal["present", "apologies", "absent"]
    title: str | None = None
    post_nominals: str | None = None
    role: str | None = None
    organisation: str | None = None
    initials: str | None = None
    group: str | None = Field(default=None, description="the attendance section the name came from")


class Action(Record):
    text: str
    owners: list[str] = Field(description="owners resolved to attendees' names where possible")
    owner_refs: list[str] = Field(description="owners as written")
    unresolved_owners: list[str] = Field(default_factory=list,
                                         description="owner references matching no one or several people")
    due: str | None = Field(default=None, description="ISO due date when stated")
    item: str | None = None


class RollCall(BaseModel):
    """One member's vote in a roll call: 'Trustee Elton - yes'."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(description="the member, resolved to an attendee's name where possible")
    vote: Literal["yes", "no", "abstain", "absent"]


class Vote(BaseModel):
    """What the minutes state about a vote, and nothing more: mover and seconder as resolved names, counts."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    mover: str | None = None
    seconder: str | None = None
    for_: int | None = Field(default=None, alias="for")
    against: int | None = None
    abstain: int | None = None
    absent: int | None = None
    roll_call: list[RollCall] = Field(default_factory=list, description="individual votes, when named")


class Decision(Record):
    text: str
    kind: Literal["resolved", "agreed", "approved", "noted", "carried", "lost", "other"]
    item: str | None = None
    vote: Vote | None = None


class Declaration(Record):
    """A declaration of interest made at the meeting."""

    name: str = Field(description="who declared, resolved to an attendee's name where possible")
    item: str | None = Field(default=None, description="the agenda item the interest concerns, as written")
    text: str


class Amount(Record):
    value: Money
    currency: str = Field(description="ISO 4217 code")
    raw: str
    item: str | None = None
    upper: Money | None = Field(default=None, description="upper bound of a range such as £5-10k")


class DateMention(Record):
    date: str = Field(description="ISO date; YYYY-MM for month precision")
    raw: str
    precision: Literal["day", "month"] = "day"
    end: str | None = Field(default=None, description="ISO end date of a range")
    item: str | None = None
    warning: str | None = None


class NextMeeting(BaseModel):
    model_config = ConfigDict(extra="forbid")
    date: str
    time: str | None = None
    raw: str


class Meeting(BaseModel):
    model_config = ConfigDict(extra="forbid")
    body: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    chair: str | None = None


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")
    path: str | None = None
    sha256: str | None = Field(default=None, description="hash of the input bytes (for resuming batches)")
    format: str
    pages: int | None = None
    characters: int


class Minutes(BaseModel):
    """Everything extracted from one set of minutes."""

    model_config = ConfigDict(extra="forbid")

    schema_version: str = SCHEMA_VERSION
    tool_version: str
    source: Source
    meeting: Meeting
    items: list[Item]
    attendees: list[Attendee]
    actions: list[Action]
    decisions: list[Decision]
    declarations: list[Declaration] = Field(default_factory=list)
    amounts: list[Amount]
    dates: list[DateMention]
    next_meetings: list[NextMeeting]
    warnings: list[str] = Field(default_factory=list)

"""The people sources: the sales team (team.yaml) and the customers (customers.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dealkit.engine.demo.catalog_source import SEGMENTS
from dealkit.engine.demo.errors import DemoDataError
from dealkit.engine.demo.fields import Fields, read_yaml
from dealkit.engine.money import MoneyError, check_currency
from dealkit.engine.store.models import Role

REGIONS = ["north_america", "apac", "emea", "latam"]


@dataclass(frozen=True)
class UserSource:
    username: str
    display_name: str
    email: str
    roles: tuple[Role, ...]
    manager: str | None
    locale: str
    title: str


@dataclass(frozen=True)
class CustomerSource:
    name: str
    industry: str
    segment: str
    region: str
    country: str
    currency: str
    owner: str
    new_logo: bool


def parse_team(path: Path) -> tuple[list[UserSource], str]:
    """The users and the username the demo workspace is signed in as."""
    document = read_yaml(path)
    top = Fields(document if document is not None else {}, path, "the file")
    nodes = top.raw("users", "[{username: alex, ...}]")
    if not isinstance(nodes, list):
        raise top.fail("users", "'users' must be a list", "write 'users:' then '- username: ...'")
    role_names = [r.value for r in Role]
    users: list[UserSource] = []
    for node in nodes:
        f = Fields(node, path, "a user")
        username = f.text("username", "alex")
        f.what = f"user {username}"
        roles = f.text_list("roles", "rep")
        for role in roles:
            if role not in role_names:
                raise f.fail("roles", f"role {role!r} is unknown", f"use roles from {role_names}")
        if not roles:
            raise f.fail("roles", "the user has no role", "add 'roles: [rep]'")
        users.append(
            UserSource(
                username=username,
                display_name=f.text("display_name", "Alex Morgan"),
                email=f.text("email", "alex.morgan@northwind.example"),
                roles=tuple(Role(r) for r in roles),
                manager=f.text("manager", "dana") if f.has("manager") else None,
                locale=f.text("locale", "en_US", default="en_US"),
                title=f.text("title", "Account Executive", default=""),
            )
        )
    names = {u.username for u in users}
    for node, user in zip(nodes, users, strict=True):
        if user.manager and user.manager not in names:
            raise Fields(node, path, f"user {user.username}").fail(
                "manager",
                f"manager {user.manager!r} is not a user in this file",
                f"use one of {sorted(names)}",
            )
    current = top.text("current_user", "alex")
    if current not in names:
        raise top.fail(
            "current_user", f"{current!r} is not a user in this file", f"use one of {sorted(names)}"
        )
    return users, current


def parse_customers(path: Path, reps: set[str]) -> list[CustomerSource]:
    document = read_yaml(path)
    top = Fields(document if document is not None else {}, path, "the file")
    nodes = top.raw("customers", "[{name: ..., industry: ...}]")
    if not isinstance(nodes, list):
        raise top.fail("customers", "'customers' must be a list", "write '- {name: ...}' items")
    customers: list[CustomerSource] = []
    seen: set[str] = set()
    for node in nodes:
        f = Fields(node, path, "a customer")
        name = f.text("name", "Atlantic Mutual Bank")
        f.what = f"customer {name!r}"
        if name in seen:
            raise f.fail("name", "the name is used twice", "give each customer its own name")
        seen.add(name)
        currency = f.text("currency", "USD")
        try:
            check_currency(currency)
        except MoneyError as error:
            raise f.fail("currency", str(error), "use USD or THB") from None
        country = f.text("country", "US")
        if len(country) != 2 or not country.isupper():
            raise f.fail(
                "country",
                f"country {country!r} is not an ISO 3166 code",
                "write two capital letters, e.g. US or TH",
            )
        owner = f.text("owner", "alex")
        if owner not in reps:
            raise f.fail(
                "owner", f"owner {owner!r} is not a rep in team.yaml", f"use one of {sorted(reps)}"
            )
        customers.append(
            CustomerSource(
                name=name,
                industry=f.text("industry", "manufacturing"),
                segment=f.choice("segment", SEGMENTS),
                region=f.choice("region", REGIONS),
                country=country,
                currency=currency,
                owner=owner,
                new_logo=f.flag("new_logo"),
            )
        )
    if not customers:
        raise DemoDataError(path, "there are no customers", "add at least one customer")
    return customers

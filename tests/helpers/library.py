"""Library search fixtures: a small workspace of English, Thai and mixed items, and its index.

Every item is a real ``ContentItem`` row in a real workspace database; tests open a real
Tantivy index over them. Dates are relative to ``LIBRARY_AS_OF`` (the demo anchor), which the
tests pass to ``search(as_of=...)`` so that "expired" does not depend on the day they run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest

from dealkit.engine.store.models import ContentItem, ContentKind, ContentStatus
from dealkit.engine.workspace import Workspace
from dealkit.index.library import LibraryIndex

LIBRARY_AS_OF = date(2026, 11, 27)


@dataclass(frozen=True)
class LibraryItems:
    """Ids of the fixture items, by a name that says what each one is for."""

    ids: dict[str, str]

    def __getitem__(self, name: str) -> str:
        return self.ids[name]

    def name_of(self, item_id: str) -> str:
        return next(name for name, value in self.ids.items() if value == item_id)


def _items() -> dict[str, ContentItem]:
    published = date(2026, 9, 1)
    review = date(2027, 6, 30)
    common = {"published_on": published, "review_by": review}
    return {
        "spine_battlecard": ContentItem(
            title="Spine 64 vs Contoso Fabric: battlecard",
            kind=ContentKind.BATTLECARD,
            language="en",
            summary="Where the Spine 64 Switch wins against Contoso Fabric, and how to answer "
            "their pricing objections.",
            body="Contoso Fabric lists lower per-port prices but charges for every licence "
            "upgrade. Our Spine 64 includes telemetry. When the buyer raises price, show the "
            "three-year cost. Landmines: ask about buffer depth.",
            products=["NET-SPINE-64"],
            competitors=["Contoso Fabric"],
            industries=["finance"],
            regions=["north_america", "apac"],
            **common,
        ),
        "r7_datasheet": ContentItem(
            title="Northwind R7 Rack Server datasheet",
            kind=ContentKind.COLLATERAL,
            language="en",
            summary="Specifications of the R7: two sockets, up to 2 TB DDR5, 24 hot-swap bays.",
            body="The R7 is a 2U dual-socket rack server for virtualisation and databases. "
            "Memory: up to 2 TB DDR5. Storage: 24 hot-swap bays. Warranty: three years.",
            products=["SRV-R7", "SRV"],
            industries=["manufacturing", "healthcare"],
            regions=["north_america"],
            **common,
        ),
        "guardrail_title": ContentItem(
            title="Guardrail checklist for discount approvals",
            kind=ContentKind.POLICY,
            language="en",
            summary="What the deal desk checks.",
            body="Before you submit, check margin and term length.",
            **common,
        ),
        "guardrail_body": ContentItem(
            title="Deal desk handbook",
            kind=ContentKind.POLICY,
            language="en",
            summary="How approvals flow.",
            body="A guardrail is a limit. Each guardrail has an owner; when a guardrail is "
            "crossed the quote goes to the manager. Guardrail reviews happen monthly.",
            **common,
        ),
        "thai_training": ContentItem(
            title="การฝึกอบรมการขายเซิร์ฟเวอร์ R7",
            kind=ContentKind.TRAINING,
            language="th",
            summary="หลักสูตรสำหรับพนักงานขายเกี่ยวกับจุดเด่นของสินค้า",
            body="ลูกค้าองค์กรในกรุงเทพมักต้องการเซิร์ฟเวอร์แร็คที่รองรับหน่วยความจำสูงและ"
            "มีการรับประกันสามปีแบบวันทำการถัดไป",
            products=["SRV-R7"],
            industries=["manufacturing"],
            regions=["apac"],
            **common,
        ),
        "thai_battlecard": ContentItem(
            title="รับมือคู่แข่ง Contoso Fabric ในตลาดไทย",
            kind=ContentKind.BATTLECARD,
            language="th",
            summary="วิธีตอบเมื่อลูกค้าบอกว่าสวิตช์ของคู่แข่งราคาถูกกว่า",
            body="เมื่อลูกค้าเปรียบเทียบราคาต่อพอร์ต ให้แสดงต้นทุนรวมสามปีของ Spine 64",
            products=["NET-SPINE-64"],
            competitors=["Contoso Fabric"],
            regions=["apac"],
            **common,
        ),
        "mixed_note": ContentItem(
            title="Bangkok public sector market note",
            kind=ContentKind.MARKET_NOTE,
            language="en",
            summary="Budget cycles of Thai ministries.",
            body="Thai ministries buy in the second half of the fiscal year. "
            "หน่วยงานภาครัฐมักจัดซื้อผ่านระบบจัดซื้อจัดจ้างภาครัฐ and expect a Thai-language "
            "proposal.",
            industries=["public_sector"],
            regions=["apac"],
            **common,
        ),
        "archived_policy": ContentItem(
            title="Legacy discount policy 2024",
            kind=ContentKind.POLICY,
            language="en",
            summary="Superseded discount bands.",
            body="Discount bands before the 2025 guardrails.",
            status=ContentStatus.ARCHIVED,
            **common,
        ),
        "expired_spif": ContentItem(
            title="Phuket SPIF rules 2025",
            kind=ContentKind.TRAINING,
            language="en",
            summary="Last year's Secure Edge SPIF.",
            body="Sell five Secure Edge subscriptions to win the Phuket trip.",
            products=["SUB-SECURE-EDGE"],
            published_on=date(2025, 1, 10),
            review_by=date(2026, 6, 30),
        ),
        "draft_spif": ContentItem(
            title="Phuket SPIF rules 2026 (draft)",
            kind=ContentKind.TRAINING,
            language="en",
            summary="This year's Secure Edge SPIF, being written.",
            body="Sell five Secure Edge subscriptions in the quarter to win the Phuket trip.",
            products=["SUB-SECURE-EDGE"],
            status=ContentStatus.DRAFT,
            **common,
        ),
        "scheduled_launch": ContentItem(
            title="Secure Edge 3.0 launch kit",
            kind=ContentKind.COLLATERAL,
            language="en",
            summary="Launch messaging for Secure Edge 3.0.",
            body="Embargoed until launch day.",
            products=["SUB-SECURE-EDGE"],
            published_on=date(2027, 1, 15),
            review_by=review,
        ),
    }


def add_library_items(workspace: Workspace) -> LibraryItems:
    """Write the fixture items to ``workspace``'s store and return their ids by name."""
    items = _items()
    with workspace.store.session() as session, session.begin():
        session.add_all(items.values())
        session.flush()
        ids = {name: item.id for name, item in items.items()}
    return LibraryItems(ids)


@pytest.fixture
def library_items(empty_workspace: Workspace) -> LibraryItems:
    return add_library_items(empty_workspace)


@pytest.fixture
def library_index(
    empty_workspace: Workspace, library_items: LibraryItems
) -> Iterator[LibraryIndex]:
    """The fixture items' index, built."""
    index = LibraryIndex.open(empty_workspace)
    index.ensure_built()
    yield index
    index.close()


@pytest.fixture(scope="module")
def shared_library(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[LibraryIndex, LibraryItems]]:
    """One built index of the fixture items per test module, for tests that only search."""
    workspace = Workspace.open(tmp_path_factory.mktemp("library") / "workspace")
    items = add_library_items(workspace)
    index = LibraryIndex.open(workspace)
    index.ensure_built()
    yield index, items
    index.close()
    workspace.close()

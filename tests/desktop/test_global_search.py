"""The Ctrl+K search over the demo workspace: products by SKU and by name, results grouped by
kind under headers, and a product opening the Library filtered to its material."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dealkit.desktop.global_search import HEADER_ROLE, find_products
from tests.helpers.desktop import wait_idle


def settled_targets(qtbot, window, text: str, kind: str):
    window.focus_search()
    window.search_box.clear()
    if text.isascii():
        qtbot.keyClicks(window.search_box, text)
    else:  # QTest types ASCII keys only
        window.search_box.setText(text)
        window.search_box.search_now()
    qtbot.waitUntil(
        lambda: window.search.pending == 0 and any(t.kind == kind for t in window.search.targets()),
        timeout=30_000,
    )
    return window.search.targets()


def test_find_products_by_sku_and_by_name(demo_workspace):
    by_sku = find_products(demo_workspace, "net-spine")
    assert [p.sku for p in by_sku] == ["NET-SPINE-64"]
    assert by_sku[0].family_code == "NET"
    by_name = find_products(demo_workspace, by_sku[0].name.split()[-2])
    assert "NET-SPINE-64" in [p.sku for p in by_name]
    assert find_products(demo_workspace, "   ") == []
    # An exact SKU comes before SKUs that merely contain it.
    assert find_products(demo_workspace, "srv-r7")[0].sku == "SRV-R7"


def test_ctrl_k_groups_results_under_headers_and_opens_a_product(
    qtbot, make_window, demo_workspace
):
    window = make_window(demo_workspace)
    targets = settled_targets(qtbot, window, "spine", "product")
    kinds = [t.kind for t in targets]
    assert {"product", "library"} <= set(kinds)
    # Grouped: each kind's results together, in the fixed order, one header per group.
    order = [k for i, k in enumerate(kinds) if i == 0 or kinds[i - 1] != k]
    assert order == sorted(set(kinds), key=["quote", "customer", "product", "library"].index)
    headers = window.search.headers()
    assert len(headers) == len(order)
    assert headers[order.index("product")] == "Products"
    assert headers[order.index("library")] == "Library"
    model = window.search.model
    first_product = kinds.index("product")
    assert model.item(first_product).data(HEADER_ROLE) == "Products"
    # A header makes its row taller than a plain one (it is drawn above the first result).
    popup = window.search.popup
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    plain = next(r for r in range(len(kinds)) if not model.item(r).data(HEADER_ROLE))
    assert popup.sizeHintForRow(first_product) > popup.sizeHintForRow(plain)

    product = targets[first_product]
    assert product.key == "NET-SPINE-64" and product.label.startswith("NET-SPINE-64 · ")
    popup.setCurrentIndex(model.index(first_product, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert window.current_page().page_id == "library"
    wait_idle(qtbot, window)
    library = window.pages["library"]
    assert library.search_box.text() == "product:NET-SPINE-64"
    titles = library.shown_titles()
    assert titles and "Spine 64 Switch datasheet" in titles


def test_ctrl_k_finds_a_product_by_sku_typed_in_lower_case(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    targets = settled_targets(qtbot, window, "sub-secure", "product")
    assert [t.key for t in targets if t.kind == "product"] == ["SUB-SECURE-EDGE"]


def test_ctrl_k_thai_query_lists_library_hits_under_their_header(
    qtbot, make_window, demo_workspace
):
    """No product has a Thai name in the demo catalog; a Thai query finds Thai material."""
    window = make_window(demo_workspace, language="th")
    targets = settled_targets(qtbot, window, "เซิร์ฟเวอร์", "library")
    qtbot.waitUntil(lambda: window.search.pending == 0, timeout=30_000)
    assert any("เซิร์ฟเวอร์" in t.label for t in targets if t.kind == "library")
    assert window.search.headers()[-1] == "คลังความรู้"  # the Library header, in Thai

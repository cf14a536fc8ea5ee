"""What the demo's deals are made of: themes of products that are bought together.

Each theme is a title, the competitor most often met on such deals, and its products with a
quantity range. The first product is always on the quote, the others are a random subset, so the
lines of a generated quote make sense together (rails with servers, optics with switches).
``THEME_WEIGHTS`` sets how often each theme is drawn: server refreshes are common, AI clusters
rare.
"""

from __future__ import annotations

# theme -> (title, competitor most often met, [(sku, min qty, max qty), ...]); the first line is
# always quoted, the others are a random subset.
THEMES: dict[str, tuple[str, str, list[tuple[str, int, int]]]] = {
    "server-refresh": (
        "Server refresh",
        "Contoso Compute",
        [
            ("SRV-R7", 3, 12),
            ("ACC-RAM-64", 6, 48),
            ("ACC-RAIL-2U", 3, 12),
            ("SUB-SUPPORT-PRO", 3, 12),
            ("SVC-INSTALL-RACK", 1, 2),
            ("ACC-PSU-1600", 2, 6),
            ("STO-NVME-384", 6, 36),
            ("SVC-PS-DAY", 2, 5),
        ],
    ),
    "dc-fabric": (
        "Data-centre fabric",
        "Fabrikam Networks",
        [
            ("NET-LEAF-48", 2, 8),
            ("NET-SPINE-64", 1, 2),
            ("ACC-QSFP-400G", 4, 16),
            ("SUB-NETOS-ADV", 2, 10),
            ("SVC-DESIGN", 1, 1),
            ("ACC-DAC-3M", 8, 32),
            ("ACC-SFP-25G", 16, 64),
            ("SVC-PS-DAY", 2, 6),
        ],
    ),
    "all-flash": (
        "All-flash storage",
        "Litware Storage",
        [
            ("STO-A20", 1, 1),
            ("STO-EXP-24", 1, 1),
            ("SUB-STO-INSIGHT", 1, 1),
            ("SVC-MIGRATE", 10, 80),
            ("SUB-SUPPORT-PRO", 1, 2),
            ("SVC-PS-DAY", 1, 4),
        ],
    ),
    "enterprise-storage": (
        "Tier-1 storage",
        "Litware Storage",
        [
            ("STO-A60", 1, 1),
            ("STO-EXP-24", 1, 2),
            ("SUB-SUPPORT-MC", 1, 2),
            ("SVC-MIGRATE", 30, 150),
            ("SUB-STO-INSIGHT", 1, 1),
        ],
    ),
    "backup": (
        "Backup and recovery",
        "Tailspin Cloud",
        [
            ("STO-BK-50", 1, 1),
            ("SUB-BACKUP-CLOUD", 20, 120),
            ("SUB-DR-ORCH", 20, 150),
            ("SVC-PS-DAY", 2, 4),
        ],
    ),
    "branch-security": (
        "Branch security",
        "Fabrikam Networks",
        [
            ("NET-SDWAN-EDGE", 2, 8),
            ("SUB-SECURE-EDGE", 1, 2),
            ("NET-FW-600", 1, 2),
            ("SUB-ZT-ACCESS", 50, 300),
            ("SVC-PS-DAY", 1, 3),
        ],
    ),
    "campus": (
        "Campus network",
        "Fabrikam Networks",
        [
            ("NET-ACC-48", 2, 12),
            ("NET-ACC-24", 2, 12),
            ("NET-WAP-6E", 10, 80),
            ("NET-CORE-32", 1, 1),
            ("SVC-INSTALL-RACK", 1, 2),
            ("SUB-MONITOR", 10, 30),
        ],
    ),
    "cloudops": (
        "Hybrid-cloud operations",
        "Tailspin Cloud",
        [
            ("SUB-CLOUDOPS", 20, 120),
            ("SUB-MONITOR", 20, 120),
            ("SVC-PS-DAY", 2, 8),
            ("SVC-TRAIN-ADMIN", 2, 5),
        ],
    ),
    "ai-cluster": (
        "AI cluster",
        "Contoso Compute",
        [
            ("SRV-R9", 1, 3),
            ("NET-LEAF-48", 1, 2),
            ("ACC-QSFP-400G", 4, 12),
            ("SUB-SUPPORT-MC", 1, 3),
            ("SVC-PS-DAY", 3, 8),
        ],
    ),
    "edge-retail": (
        "Edge computing",
        "Contoso Compute",
        [
            ("SRV-E2", 4, 24),
            ("NET-ACC-24", 4, 24),
            ("SUB-SECURE-EDGE", 1, 2),
            ("SUB-MONITOR", 4, 24),
            ("ACC-UPS-3K", 2, 10),
        ],
    ),
    "hci": (
        "Hyperconverged platform",
        "Contoso Compute",
        [
            ("SRV-HCI-4", 1, 1),
            ("SUB-CLOUDOPS", 16, 48),
            ("SUB-SUPPORT-PRO", 4, 4),
            ("SVC-PS-DAY", 2, 4),
        ],
    ),
    "blade": (
        "Blade consolidation",
        "Contoso Compute",
        [
            ("SRV-B12", 1, 1),
            ("SRV-B12-NODE", 4, 10),
            ("ACC-RAM-64", 16, 64),
            ("SUB-SUPPORT-PRO", 5, 11),
            ("SVC-INSTALL-RACK", 1, 1),
        ],
    ),
    "branch-server": (
        "Branch servers",
        "Contoso Compute",
        [
            ("SRV-T3", 3, 15),
            ("SRV-R5", 1, 6),
            ("ACC-UPS-3K", 2, 8),
            ("ACC-KVM-16", 1, 2),
            ("SUB-SUPPORT-PRO", 3, 15),
        ],
    ),
    "services": (
        "Health check and training",
        "Contoso Compute",
        [("SVC-HEALTH", 1, 1), ("SVC-PS-DAY", 3, 12), ("SVC-TRAIN-ADMIN", 2, 6)],
    ),
    "object": (
        "Object storage archive",
        "Tailspin Cloud",
        [("STO-OBJ-400", 1, 3), ("SUB-BACKUP-CLOUD", 30, 150), ("SVC-PS-DAY", 2, 4)],
    ),
}
THEME_WEIGHTS = {
    "server-refresh": 14,
    "dc-fabric": 8,
    "all-flash": 9,
    "enterprise-storage": 3,
    "backup": 8,
    "branch-security": 9,
    "campus": 8,
    "cloudops": 9,
    "ai-cluster": 2,
    "edge-retail": 6,
    "hci": 5,
    "blade": 3,
    "branch-server": 8,
    "services": 6,
    "object": 3,
}

"""The Approvals page's parts: why each quote needs approval (worked out on a worker by the
engine's approvals check), the queue's reason column, and the read-only approver route."""

"""--statistics: for each check that ran, its findings by severity and what it compared (claims,
pairs), as a table on standard error, so that the report on standard output stays what its
format promises."""

from __future__ import annotations

from claimcheck.model import SEVERITIES


def statistics(outcome, pack) -> list[str]:
    """The table's lines for an Outcome (claimcheck.pipeline) and the RulePack it was checked with."""
    counts = {c.id: dict.fromkeys(SEVERITIES, 0) for c in pack.checks}
    for finding in outcome.findings:
        counts.setdefault(finding.rule, dict.fromkeys(SEVERITIES, 0))[finding.severity] += 1
    checks = (outcome.coverage or {}).get("checks", {})
    width = max([len("check")] + [len(rule) for rule in counts])
    lines = [f"{'check':<{width}}  {'findings':>8}  {'errors':>6}  {'warnings':>8}  {'infos':>5}  "
             f"{'claims':>8}  {'pairs':>12}"]
    for rule, by in counts.items():
        seen = checks.get(rule, {})
        lines.append(f"{rule:<{width}}  {sum(by.values()):>8}  {by['error']:>6}  {by['warning']:>8}  "
                     f"{by['info']:>5}  {seen.get('claims', 0):>8}  {seen.get('pairs', 0):>12}")
    total = {s: sum(by[s] for by in counts.values()) for s in SEVERITIES}
    lines.append(f"{'total':<{width}}  {sum(total.values()):>8}  {total['error']:>6}  "
                 f"{total['warning']:>8}  {total['info']:>5}  {len(outcome.claims):>8}")
    left_out = [(rule, ", ".join(f"{n} {why}" for why, n in seen["left_out"].items()))
                for rule, seen in checks.items() if seen.get("left_out")]
    if left_out:
        lines.append("claims of a check's types it could not compare:")
        lines += [f"  {rule}: {why}" for rule, why in left_out]
    return lines

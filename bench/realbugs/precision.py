#!/usr/bin/env python3
"""A seeded random sample of the audit's Medium+ findings in production code of real repositories, to read by hand.

  bench/realbugs/precision.py [--mirrors DIR] [--relia CMD] [--work DIR] [--seed N] [--per-repo K]
                              [--repos OWNER/NAME,...] [--context LINES] [--json FILE] [--list FILE]

Each repository of the list (precision-repos.txt, the tuning sample, or precision-repos-eval.txt, the evaluation
sample: owner/name and the commit audited) is exported from its mirror at that
commit and audited with `relia audit DIR --format json`; Medium, High and Critical findings outside test code
(Relia leaves test sources out by default) are pooled per repository and K of them drawn with random.Random(seed).
For each drawn finding the script prints rule, severity, message, file:line and CONTEXT lines of the code around
it, to the terminal only: the code stays in the mirror, nothing of it is written into this repository. The
verdicts (real / false positive, one line why) are written by a person into docs/benchmarks.md.
Mirrors: DIR/<owner>+<name>/repo or DIR/<owner>+<name> (default $REALBUGS_MIRRORS or /work/.mirror).
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

from run import export, finish, gitdir

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SERIOUS = {'medium', 'high', 'critical'}


def repositories(path):
    with open(path) as f:
        for line in f:
            line = line.split('#')[0].strip()
            if line:
                name, commit = line.split()
                yield name, commit


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--mirrors', default=os.environ.get('REALBUGS_MIRRORS', '/work/.mirror'))
    ap.add_argument('--relia', default=os.path.join(ROOT, 'relia'))
    ap.add_argument('--work')
    ap.add_argument('--seed', type=int, default=20)
    ap.add_argument('--per-repo', type=int, default=5)
    ap.add_argument('--repos')
    ap.add_argument('--context', type=int, default=4)
    ap.add_argument('--json')
    ap.add_argument('--list', default='precision-repos.txt', help='the repository list (in this directory)')
    args = ap.parse_args()
    wanted = set(args.repos.split(',')) if args.repos else None
    work = args.work or tempfile.mkdtemp(prefix='precision-')
    rng = random.Random(args.seed)
    drawn, missing = [], 0
    for repo, commit in repositories(args.list if os.path.exists(args.list) else os.path.join(HERE, args.list)):
        if wanted and repo not in wanted:
            continue
        gd = gitdir(args.mirrors, repo)
        if not os.path.isdir(gd):
            print(f'MISSING mirror {repo} ({gd})', file=sys.stderr)
            missing += 1
            continue
        dest = os.path.join(work, repo.replace('/', '+'))
        shutil.rmtree(dest, ignore_errors=True)
        export(gd, commit, '', dest)
        run = subprocess.run(args.relia.split() + ['audit', dest, '--format', 'json', '--no-cache'],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            print(f'FAILED {repo}: relia audit exited {run.returncode}: {run.stderr[:400]}', file=sys.stderr)
            missing += 1
            continue
        report = json.loads(run.stdout)
        pool = [f for f in report['findings'] if f['severity'] in SERIOUS]
        invalid = [f for f in report['findings'] if f['ruleId'] == 'input/invalid']
        pick = rng.sample(pool, min(args.per_repo, len(pool)))
        print(f'== {repo} @ {commit[:10]}: {report["filesScanned"]} files, {len(pool)} Medium+ findings, '
              f'{len(invalid)} input/invalid, test files skipped: {report.get("testFilesSkipped", "n/a")}')
        for f in sorted(pick, key=lambda f: (f['file'], f['line'])):
            rel = os.path.relpath(f['file'], dest)
            drawn.append({'repo': repo, 'commit': commit, 'file': rel, 'line': f['line'], 'rule': f['ruleId'],
                          'severity': f['severity'], 'message': f['message']})
            print(f'\n[{len(drawn)}] {f["ruleId"]} ({f["severity"]}) {rel}:{f["line"]}\n    {f["message"]}')
            try:
                with open(f['file'], errors='replace') as src:
                    lines = src.read().split('\n')
                lo, hi = max(1, f['line'] - args.context), min(len(lines), f['line'] + args.context)
                for n in range(lo, hi + 1):
                    print(f'    {">" if n == f["line"] else " "}{n:5d} {lines[n - 1][:140]}')
            except OSError as e:
                print(f'    (cannot show: {e})')
    finish(args, work, drawn, missing)


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Recall of `relia audit` on the real-bug corpus, and whether each fix silences its finding.

  bench/realbugs/run.py --half tuning|evaluation|heldout2|heldout3|all [--mirrors DIR] [--relia CMD] [--work DIR]
                        [--only OWNER/NAME] [--classes LETTERS] [--json FILE] [--verbose]

For every fix commit of the chosen half: the module holding each fixed site (the path before
src/main/..., or the repository root) is exported from the mirror at the parent commit and at the
fix commit (git ls-tree + cat-file, into --work, default a temporary directory), and `relia audit MODULE
--format json` runs on both. A site is *found* when the parent's audit reports a finding of one of
its class's rules (CLASS_RULES) in the site's file within WINDOW lines of the recorded line (a
finding may sit on the first line of a statement that spans several). It is *silenced* when the
fix's audit reports no finding of that rule near the same construct after the fix (post_path:post_line),
and *narrowed* when a finding of that rule stays there but says something else (a partial fix: the
finding now names only what the fix left out, e.g. a read timeout added and the connect timeout not).

Mirrors are bare git directories at DIR/<owner>+<name>/repo or DIR/<owner>+<name> (the layout the
`fetch` session tool produces; default $REALBUGS_MIRRORS or /work/.mirror). Nothing is downloaded.
The corpus and its split rule are in README.md: tune on `tuning`, report `evaluation` once;
`heldout2` is round 2's held-out set (README.md, "Round 2"), audited once at the end of round 2;
`heldout3` is round 3's held-out set (README.md, "Round 3"), audited once, in a later session.
Exit status: 0 when every commit could be audited, 2 when a mirror or commit is missing.
"""
import argparse
import collections
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# The rules that report each class of bug (README.md, "Which line is the site").
CLASS_RULES = {
    'a': {'java/blocking-without-deadline'},
    'b': {'java/http-client-no-timeout', 'java/http-request-no-timeout', 'java/blocking-without-deadline'},
    'c': {'java/jdbc-no-timeout', 'spring/datasource-no-connection-timeout'},
    'd': {'java/unbounded-executor', 'java/unbounded-queue'},
    'e': {'java/interrupted-swallowed'},
    'f': {'java/resource-not-closed'},
    'g': {'java/retry-without-backoff', 'java/retry-unbounded'},
}
CLASS_NAMES = {
    'a': 'future/latch/await without timeout', 'b': 'HTTP/socket without timeouts',
    'c': 'JDBC without timeouts', 'd': 'unbounded queue/executor', 'e': 'swallowed interrupt',
    'f': 'resource never closed', 'g': 'retry without backoff',
}
WINDOW_BEFORE = 3
WINDOW_AFTER = 1


def gitdir(mirrors, repo):
    base = os.path.join(mirrors, repo.replace('/', '+'))
    return os.path.join(base, 'repo') if os.path.isdir(os.path.join(base, 'repo')) else base


def module_of(path):
    for marker in ('/src/main/', 'src/main/'):
        if marker in path:
            return path[:path.index(marker)].rstrip('/') if path.index(marker) > 0 else ''
    return ''


def export(gd, rev, module, dest):
    """Writes the tree of rev under module to dest. Blobs absent from the mirror (large binaries a partial
    mirror leaves out) are skipped and counted; the audit reads source and config files only."""
    os.makedirs(dest, exist_ok=True)
    listing = subprocess.run(['git', '--git-dir=' + gd, 'ls-tree', '-r', '-z', rev] + ([module] if module else []),
                             capture_output=True)
    if listing.returncode != 0:
        raise RuntimeError(f'git ls-tree {rev} {module}: {listing.stderr.decode(errors="replace").strip()}')
    entries = []
    for item in listing.stdout.split(b'\0'):
        if not item:
            continue
        meta, path = item.split(b'\t', 1)
        mode, kind, sha = meta.split()
        if kind == b'blob' and mode != b'120000':
            entries.append((sha.decode(), path.decode(errors='surrogateescape')))
    batch = subprocess.Popen(['git', '--git-dir=' + gd, 'cat-file', '--batch'], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE)
    absent = 0
    for sha, path in entries:
        batch.stdin.write(sha.encode() + b'\n')
        batch.stdin.flush()
        header = batch.stdout.readline().split()
        if len(header) < 3:
            absent += 1
            continue
        data = batch.stdout.read(int(header[2]))
        batch.stdout.read(1)
        target = os.path.join(dest, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, 'wb') as out:
            out.write(data)
    batch.stdin.close()
    batch.wait()
    return absent


def audit(relia, directory, cache):
    run = subprocess.run(relia + ['audit', directory, '--format', 'json', '--cache', cache],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise RuntimeError(f'relia audit {directory} exited {run.returncode}: {run.stderr.strip()[:500]}')
    report = json.loads(run.stdout)
    findings = collections.defaultdict(list)
    for f in report['findings']:
        rel = os.path.relpath(f['file'], directory) if os.path.isabs(f['file']) or f['file'].startswith(directory) \
            else f['file']
        findings[rel].append(f)
    return report, findings


def near(findings, path, line, rules):
    return [f for f in findings.get(path, []) if f['ruleId'] in rules
            and line - WINDOW_BEFORE <= f['line'] <= line + WINDOW_AFTER]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--half', required=True, choices=['tuning', 'evaluation', 'heldout2', 'heldout3', 'all'])
    ap.add_argument('--mirrors', default=os.environ.get('REALBUGS_MIRRORS', '/work/.mirror'))
    ap.add_argument('--relia', default=os.path.join(ROOT, 'relia'))
    ap.add_argument('--work')
    ap.add_argument('--only')
    ap.add_argument('--classes', help='only these classes, e.g. ae')
    ap.add_argument('--json')
    ap.add_argument('--verbose', action='store_true')
    args = ap.parse_args()
    relia = args.relia.split()

    with open(os.path.join(HERE, 'sites.tsv'), newline='') as f:
        sites = [r for r in csv.DictReader(f, delimiter='\t')
                 if (args.half == 'all' or r['half'] == args.half) and (not args.only or r['repo'] == args.only)
                 and (not args.classes or r['class'] in args.classes)]
    by_commit = collections.OrderedDict()
    for s in sites:
        by_commit.setdefault((s['repo'], s['fix_commit'], s['parent_commit']), []).append(s)

    work = args.work or tempfile.mkdtemp(prefix='realbugs-')
    results, missing = [], 0
    for (repo, fix, parent), commit_sites in by_commit.items():
        gd = gitdir(args.mirrors, repo)
        if not os.path.isdir(gd):
            print(f'MISSING mirror {repo} ({gd}): fetch it first', file=sys.stderr)
            missing += 1
            continue
        modules = sorted({module_of(s['pre_path']) for s in commit_sites})
        for module in modules:
            mine = [s for s in commit_sites if module_of(s['pre_path']) == module]
            trees = {}
            for label, rev in (('parent', parent), ('fix', fix)):
                dest = os.path.join(work, repo.replace('/', '+'), fix[:10], label)
                shutil.rmtree(dest, ignore_errors=True)
                try:
                    export(gd, rev, module, dest)
                    directory = os.path.join(dest, module) if module else dest
                    cache = os.path.join(work, 'cache', repo.replace('/', '+'), module.replace('/', '+') or '_root')
                    trees[label] = (directory, *audit(relia, directory, cache))
                except (RuntimeError, subprocess.CalledProcessError, json.JSONDecodeError) as e:
                    print(f'FAILED {repo} {fix[:10]} {label} {module or "."}: {e}', file=sys.stderr)
                    missing += 1
            if len(trees) < 2:
                continue
            for s in mine:
                rules = CLASS_RULES[s['class']]
                pre_rel = os.path.relpath(s['pre_path'], module) if module else s['pre_path']
                post_rel = os.path.relpath(s['post_path'], module) if module and s['post_path'] else s['post_path']
                found = near(trees['parent'][2], pre_rel, int(s['pre_line']), rules)
                anything = near(trees['parent'][2], pre_rel, int(s['pre_line']), {f['ruleId'] for fs in
                                trees['parent'][2].values() for f in fs})
                still = near(trees['fix'][2], post_rel, int(s['post_line']),
                             {f['ruleId'] for f in found}) if found and s['post_path'] else []
                narrowed = bool(still) and not ({f['message'] for f in still} & {f['message'] for f in found})
                results.append({
                    'repo': repo, 'fix': fix, 'class': s['class'], 'half': s['half'],
                    'site': f"{s['pre_path']}:{s['pre_line']}", 'description': s['description'],
                    'found': bool(found), 'rules': sorted({f['ruleId'] for f in found}),
                    'silenced': bool(found) and not still,
                    'narrowed': narrowed,
                    'other_rules_there': sorted({f['ruleId'] for f in anything} - {f['ruleId'] for f in found}),
                    'files_scanned': trees['parent'][1].get('filesScanned'),
                })
        print(f'.. {repo} {fix[:10]}: {sum(r["found"] for r in results if r["fix"] == fix)}/'
              f'{len(commit_sites)} found', file=sys.stderr, flush=True)

    print(f'\nReal-bug corpus, half: {args.half} ({len(results)} sites audited, {missing} problem(s))\n')
    print('| class | sites | found | silenced by the fix | narrowed by the fix | recall |')
    print('| --- | --- | --- | --- | --- | --- |')
    for c in sorted(CLASS_RULES):
        rs = [r for r in results if r['class'] == c]
        if rs:
            found = sum(r['found'] for r in rs)
            print(f'| ({c}) {CLASS_NAMES[c]} | {len(rs)} | {found} | {sum(r["silenced"] for r in rs)} '
                  f'| {sum(r["narrowed"] for r in rs)} | {found / len(rs):.2f} |')
    total = len(results)
    found = sum(r['found'] for r in results)
    silenced = sum(r['silenced'] for r in results)
    if total:
        narrowed = sum(r['narrowed'] for r in results)
        print(f'| **all** | {total} | {found} | {silenced} | {narrowed} | **{found / total:.2f}** |')
    if args.verbose:
        print('\nMissed sites:')
        for r in results:
            if not r['found']:
                extra = f' (other rules there: {", ".join(r["other_rules_there"])})' if r['other_rules_there'] else ''
                print(f'  ({r["class"]}) {r["repo"]} {r["fix"][:10]} {r["site"]}{extra}\n      {r["description"]}')
        for r in results:
            if r['found'] and not r['silenced']:
                print(f'  {"NARROWED" if r["narrowed"] else "NOT SILENCED"} ({r["class"]}) {r["repo"]} {r["fix"][:10]} {r["site"]} {r["rules"]}')
    finish(args, work, results, missing)


def finish(args, work, data, missing):
    """Writes --json, removes a temporary work directory, exits 2 when a tree could not be audited."""
    if args.json:
        with open(args.json, 'w') as out:
            json.dump(data, out, indent=1)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(2 if missing else 0)


if __name__ == '__main__':
    main()

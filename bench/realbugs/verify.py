#!/usr/bin/env python3
"""Check bench/realbugs against local git mirrors of the listed repositories.

  bench/realbugs/verify.py [--show]

For every row of sites.tsv: the parent commit is the fix commit's only parent, the half follows
the stated rule (first hex digit of the fix commit even -> tuning, odd -> evaluation; rows of the
held-out sets of round 2 and round 3 carry half `heldout2` / `heldout3` whatever their hash), the pre-fix line exists in
PARENT:pre_path and the post-fix line exists in FIX:post_path.
--show prints both lines (to the terminal only; nothing is written). Exit status 1 on any problem.

Mirrors are bare git directories found at $REALBUGS_MIRRORS/<owner>+<name>/repo
(default /work/.mirror, the layout the session `fetch` tool produces), or at
$REALBUGS_MIRRORS/<owner>+<name> if that is itself a git directory.
The corpus was collected blind: this script never runs Relia.
"""
import csv
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MIRRORS = os.environ.get('REALBUGS_MIRRORS', '/work/.mirror')
# tuning/evaluation: round 1, split by the hash rule; heldout2/heldout3: the held-out sets of
# rounds 2 and 3 (no hash rule)
HALVES = ('tuning', 'evaluation', 'heldout2', 'heldout3')
HASH_RULE_HALVES = ('tuning', 'evaluation')


def gitdir(repo):
    base = os.path.join(MIRRORS, repo.replace('/', '+'))
    return os.path.join(base, 'repo') if os.path.isdir(os.path.join(base, 'repo')) else base


def git(repo, *args):
    r = subprocess.run(['git', '--git-dir=' + gitdir(repo), *args], capture_output=True, text=True, errors='replace')
    return r.stdout if r.returncode == 0 else None


def line_at(repo, rev, path, n):
    text = git(repo, 'show', f'{rev}:{path}')
    if text is None:
        return None
    lines = text.split('\n')
    return lines[n - 1] if 1 <= n <= len(lines) else None


def main():
    show = '--show' in sys.argv
    problems = 0
    with open(os.path.join(HERE, 'sites.tsv'), newline='') as f:
        rows = list(csv.DictReader(f, delimiter='\t'))
    for r in rows:
        repo, fix, par = r['repo'], r['fix_commit'], r['parent_commit']
        where = f"{repo} {fix[:10]} {r['pre_path']}:{r['pre_line']}"
        want = 'tuning' if int(fix[0], 16) % 2 == 0 else 'evaluation'
        if r['half'] not in HALVES:
            print(f'HALF  {where}: unknown half {r["half"]}'); problems += 1
        elif r['half'] in HASH_RULE_HALVES and r['half'] != want:
            print(f'HALF  {where}: {r["half"]} but the rule says {want}'); problems += 1
        parents = git(repo, 'rev-list', '--parents', '-n1', fix)
        if parents is None:
            print(f'NOREV {where}: fix commit not in the mirror'); problems += 1
            continue
        if parents.split()[1:] != [par]:
            print(f'PARNT {where}: parents are {parents.split()[1:]}'); problems += 1
        pre = line_at(repo, par, r['pre_path'], int(r['pre_line']))
        post = line_at(repo, fix, r['post_path'], int(r['post_line'])) if r['post_path'] else ''
        if pre is None or not pre.strip():
            print(f'PRE   {where}: no such (non-empty) line'); problems += 1
        if post is None or (r['post_path'] and not post.strip()):
            print(f'POST  {where}: no such (non-empty) line at {r["post_path"]}:{r["post_line"]}'); problems += 1
        if show:
            print(f'{where} [{r["class"]}]\n  pre : {(pre or "").strip()}\n  post: {(post or "").strip()}')
    print(f'{len(rows)} sites checked, {problems} problem(s)')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()

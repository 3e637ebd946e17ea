#!/usr/bin/env python3
"""find_candidates.py OWNER+NAME CLASS: candidate fix commits (hash, subject, matching non-test hunks) whose
Java diff adds a timeout / bound / interrupt restore / close / backoff, for hand review. Reads the bare
mirror at $REALBUGS_MIRRORS/OWNER+NAME/repo (default /work/.mirror). Used to collect bench/realbugs;
every candidate was then read by hand (see README.md)."""
import os
import re, subprocess, sys
repo, cls = sys.argv[1], sys.argv[2]
gd = os.path.join(os.environ.get("REALBUGS_MIRRORS", "/work/.mirror"), repo, "repo")
P = {
 'a': dict(G=r'\.(get|await|join|tryAcquire|poll|awaitTermination)\(.*(TimeUnit|[tT]imeout|MILLISECONDS|SECONDS)',
           rem=r'\.(get|join|await|sync|syncUninterruptibly|awaitUninterruptibly|acquire|take)\(\s*\)',
           add=r'\.(get|await|join|tryAcquire|poll)\(.*(TimeUnit|[tT]imeout|MILLISECONDS|SECONDS|orTimeout)|orTimeout\('),
 'b': dict(G=r'(set(Connect|Read|So)Timeout|\.(connectTimeout|readTimeout|callTimeout|responseTimeout)\(|setConnectionRequestTimeout|setSocketTimeout|CONNECT_TIMEOUT|SO_TIMEOUT)',
           rem=None,
           add=r'(set(Connect|Read|So)Timeout\(|\.(connectTimeout|readTimeout|callTimeout|responseTimeout)\(|setConnectionRequestTimeout\(|setSocketTimeout\(|CONNECT_TIMEOUT|SO_TIMEOUT|\.connect\([^,()]+,\s*[\w.()]+\))'),
 'c': dict(G=r'(socketTimeout|connectTimeout|QueryTimeout|LoginTimeout|NetworkTimeout|loginTimeout|queryTimeout|connectionTimeout|ConnectionTimeout)',
           rem=None,
           add=r'(socketTimeout|connectTimeout|setQueryTimeout|setLoginTimeout|setNetworkTimeout|loginTimeout|queryTimeout|setConnectionTimeout|connectionTimeout)'),
 'd': dict(G=r'new (LinkedBlockingQueue|LinkedBlockingDeque|ArrayBlockingQueue|ThreadPoolExecutor)|new[A-Za-z]*ThreadPool',
           rem=r'new (LinkedBlockingQueue|LinkedBlockingDeque|ConcurrentLinkedQueue|LinkedTransferQueue|PriorityBlockingQueue)(<[^>]*>)?\(\s*\)|newCachedThreadPool|newFixedThreadPool|newSingleThreadExecutor',
           add=r'new (LinkedBlockingQueue|ArrayBlockingQueue|LinkedBlockingDeque)(<[^>]*>)?\(\s*[\w.]+|new ThreadPoolExecutor|RejectedExecution|DiscardPolicy|CallerRunsPolicy'),
 'e': dict(G=r'Thread\.currentThread\(\)\.interrupt\(\)', rem=None, add=r'Thread\.currentThread\(\)\.interrupt\(\)'),
 'f': dict(G=r'(try\s*\(|closeQuietly|\.close\(\))', rem=None, add=r'(try\s*\(.*(Stream|Reader|Writer|Connection|Socket|Statement|ResultSet|Channel|Client|Scanner)|closeQuietly|closeSilently|\.close\(\))'),
 'g': dict(G=r'([bB]ackoff|[bB]ackOff|sleep\()', rem=None, add=r'([bB]ackoff|[bB]ackOff|Thread\.sleep\(|TimeUnit\.\w+\.sleep\()'),
}[cls]
TEST = re.compile(r'(^|/)(src/test|test|tests|it|testFixtures|integration-test|test-framework)/|Test[A-Za-z]*\.java$|Tests?\.java$|IT\.java$|/jmh/|/benchmark|/example')
cmd = ['git', f'--git-dir={gd}', 'log', '--branches', '--tags', '--no-merges', '-G', P['G'], '--format=%H', '--', '*.java']
hs = subprocess.run(cmd, capture_output=True, text=True).stdout.split()
out = []
for h in hs:
    d = subprocess.run(['git', f'--git-dir={gd}', 'show', '-U4', '--format=%s', h, '--', '*.java'], capture_output=True, text=True, errors='replace').stdout
    lines = d.split('\n'); subj = lines[0]
    f = None; hunks = []; cur = None
    for ln in lines[1:]:
        if ln.startswith('diff --git'):
            f = ln.split(' b/')[-1]; cur = None; continue
        m = re.match(r'@@ -(\d+)(?:,\d+)? \+(\d+)', ln)
        if m:
            cur = dict(f=f, o=int(m.group(1)), n=int(m.group(2)), body=[]); hunks.append(cur); continue
        if cur is not None and (ln[:1] in ' +-') and not ln.startswith(('+++', '---')):
            cur['body'].append(ln)
    good = []
    for hk in hunks:
        if not hk['f'] or TEST.search(hk['f']): continue
        adds = [l[1:] for l in hk['body'] if l.startswith('+')]
        rems = [l[1:] for l in hk['body'] if l.startswith('-')]
        A = [l for l in adds if re.search(P['add'], l) and not l.strip().startswith(('//', '*', '/*'))]
        if not A: continue
        # the added construct must be new (not merely moved)
        if any(re.search(P['add'], r) for r in rems) and cls not in ('a',): 
            if sum(bool(re.search(P['add'], r)) for r in rems) >= len(A): continue
        if P['rem'] and not any(re.search(P['rem'], r) for r in rems): continue
        good.append(hk)
    if good:
        out.append((h, subj, good))
for h, s, good in out:
    print(f"=== {h} {s}")
    for hk in good[:3]:
        print(f"  --- {hk['f']} @-{hk['o']}")
        for l in hk['body'][:30]:
            print('   ' + l[:160])

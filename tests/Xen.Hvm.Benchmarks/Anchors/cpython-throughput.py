# The CPython side of compare-libxlu.sh: times compile() + exec() of xm config files, as xend ran them (xm's
# namespace stubbed: vmid, xm_vars, xm_file, os with a fixed uname), over files held in memory, and prints the same
# one-line summary as libxlu-throughput.c. Files CPython rejects (SyntaxError) are left out, and the files it kept
# are written to ACCEPTED so the other tools time the same set.
#
#   python cpython-throughput.py LISTFILE MIN_SECONDS ACCEPTED      (Python 2.7 or 3)
import os
import sys
import time

list_file, min_seconds, accepted_file = sys.argv[1], float(sys.argv[2]), sys.argv[3]
sources = []
for path in [l.strip() for l in open(list_file) if l.strip()]:
    text = open(path, 'rb').read()
    try:
        compile(text, path, 'exec')
        sources.append((path, text))
    except SyntaxError:
        pass
with open(accepted_file, 'w') as out:
    for path, _ in sources:
        out.write(path + '\n')


class Vars(object):
    def __init__(self, *args):
        pass

    def var(self, *args, **kwargs):
        pass

    def check(self):
        pass


os.uname = lambda: ('Linux', 'host', '2.6.18', '#1 SMP', 'x86_64')


def one_pass():
    for path, text in sources:
        code = compile(text, path, 'exec')
        names = {'vmid': '3', 'xm_vars': Vars(), 'xm_file': path, 'xm_help': 0, 'os': os}
        try:
            exec(code, {}, names)
        except Exception:
            pass


one_pass()
times = []
total = 0.0
while len(times) < 3 or total < min_seconds:
    start = time.time()
    one_pass()
    seconds = time.time() - start
    times.append(seconds)
    total += seconds
times.sort()
sys.stdout.write('files=%d bytes=%d passes=%d median_seconds=%.6f python=%s\n' % (
    len(sources), sum(len(t) for _, t in sources), len(times), times[len(times) // 2], sys.version.split()[0]))

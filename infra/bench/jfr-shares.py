"""Reads `jfr print --events jdk.ExecutionSample` and prints, for the frames that say what a request
spends its CPU on, the share of samples that have them on the stack (inclusive), largest first."""
import re
import sys

WATCH = [
    ("HTTP parsing and Tomcat", r"org\.apache\.(coyote|tomcat)\."),
    ("Spring Security filter chain", r"org\.springframework\.security\.web\.FilterChainProxy\.doFilter"),
    # not SessionRepositoryFilter.doFilter itself: it wraps the whole rest of the request
    ("Spring Session: load and save", r"org\.springframework\.session\.data\.redis\.|SessionRepositoryRequestWrapper\.(commitSession|getRequestedSession)"),
    ("concurrent-session check", r"ConcurrentSessionFilter\.doFilter"),
    ("Redis client (Lettuce)", r"io\.lettuce\."),
    ("JDK deserialization", r"java\.io\.ObjectInputStream\.readObject"),
    ("JDK serialization", r"java\.io\.ObjectOutputStream\.writeObject"),
    ("CSRF", r"org\.springframework\.security\.web\.csrf\."),
    ("shop access check", r"ShopAccessInterceptor\.preHandle"),
    ("suspension check", r"SuspensionInterceptor\.preHandle"),
    ("JDBC platform queries", r"org\.springframework\.jdbc\.core\.JdbcTemplate"),
    ("Hibernate", r"org\.hibernate\."),
    ("PostgreSQL driver", r"org\.postgresql\."),
    ("HikariCP", r"com\.zaxxer\.hikari\."),
    ("transactions", r"TransactionInterceptor\.invoke"),
    ("controller (contact read)", r"ContactController\.get"),
    ("JSON writing", r"tools\.jackson\.databind\.ObjectWriter|AbstractJacksonHttpMessageConverter\.write"),
    ("metrics and observations", r"io\.micrometer\."),
    ("logging", r"ch\.qos\.logback\.|org\.slf4j\."),
    ("GC and JIT (not Java frames)", r"^$"),
]

samples = 0
counts = {name: 0 for name, _ in WATCH}
top = {}
frames = []


def flush():
    global samples
    if not frames:
        return
    samples += 1
    text = "\n".join(frames)
    for name, pattern in WATCH:
        if pattern != r"^$" and re.search(pattern, text):
            counts[name] += 1
    top[frames[0]] = top.get(frames[0], 0) + 1
    frames.clear()


for line in sys.stdin:
    line = line.rstrip()
    if line.startswith("jdk.ExecutionSample"):
        flush()
    elif line.startswith("    ") and "line:" in line:
        frames.append(re.sub(r"\s+line:.*", "", line.strip()))
flush()

if samples == 0:
    print("  no samples")
    sys.exit(0)
for name, count in sorted(counts.items(), key=lambda item: -item[1]):
    if count:
        print(f"  {100.0 * count / samples:5.1f}%  {name}")
print(f"  ({samples} samples); hottest methods (self):")
for frame, count in sorted(top.items(), key=lambda item: -item[1])[:12]:
    print(f"  {100.0 * count / samples:5.1f}%  {frame}")

#!/usr/bin/env python3
"""Issue 20, items 3 (core's shared basics) and 6 (DynamoDB adapters in packages that mirror core): the package moves,
as a script that can be re-applied.

Run it at a repository root (``python3 /work/wt/structure-moves.py [root]``). It is idempotent and works on a tree
where some files are already moved and newer files still use the old names:

1. moves every Java file of a renamed package or of a moved class (``git mv`` when tracked) into its new package
   directory (same source root) and rewrites its package line;
2. rewrites fully-qualified names and imports (``dev.refer.core.money.Money`` -> ``dev.refer.core.basics.money.Money``,
   ``dev.refer.dynamodb.LeadMapper`` -> ``dev.refer.dynamodb.lead.LeadMapper``) in every ``*.java`` file, and the
   payout calendar's calls (``PlanPayouts.cutoff(`` -> ``PayoutCalendar.cutoff(``);
3. adds the imports a split package needs: a file of a family of packages that were one package (``dev.refer.dynamodb``
   and its new sub-packages; ``dev.refer.core.partner`` and ``dev.refer.core.basics.email``) that names a class of
   another package of the family by its simple name gets an import of it;
4. makes public what the split requires: a package-private type of a family referenced from another package of the
   family, and those of its package-private members (methods, constructors, fields, nested types) whose names appear
   in the referencing files.

Nothing else is changed; a file already in its place with its imports is left as it is.
"""

import os
import re
import subprocess
import sys

# ---------------------------------------------------------------------------------------------------------------------
# The moves

# whole packages (and their sub-packages)
PACKAGE_RENAMES = [
    ("dev.refer.core.money", "dev.refer.core.basics.money"),
    ("dev.refer.core.ids", "dev.refer.core.basics.ids"),
    ("dev.refer.core.page", "dev.refer.core.basics.page"),
    ("dev.refer.core.validation", "dev.refer.core.basics.validation"),
    ("dev.refer.core.cache", "dev.refer.core.basics.cache"),
]

_DYNAMODB = {
    "attribution": ["AttributionMapper"],
    "lead": ["DynamoDbLeadRepository", "LeadMapper", "DynamoDbLeadRepositoryTest"],
    "conversion": ["DynamoDbOrderBook", "OrderMapper", "ConversionMapper", "CustomerMapper", "DynamoDbOrderBookTest",
                   "FirstPurchaseOnDynamoDbTest"],
    "ledger": ["DynamoDbCommissionLedger", "CommissionMapper"],
    "payout": ["DynamoDbPayoutBook", "DynamoDbPayoutRuns", "DynamoDbPayeeIndex", "PayoutMapper"],
    "link": ["DynamoDbLinkRepository", "DynamoDbClickRepository", "LinkMapper", "ClickMapper",
             "DynamoDbLinkRepositoryTest", "DynamoDbClickRepositoryTest"],
    "partner": ["DynamoDbPartnerRepository", "PartnerMapper", "DynamoDbPartnerRepositoryTest"],
    "program": ["DynamoDbProgramRepository", "ProgramMapper", "PlanMapper", "DynamoDbProgramRepositoryTest"],
    "stats": ["DynamoDbStatsRepository", "DynamoDbClickRollups", "ClickDeltaCodec", "CounterUpdates",
              "DynamoDbStatsRepositoryTest"],
}

# single classes: old fully-qualified name -> new
CLASS_MOVES = {"dev.refer.core.partner.EmailAddress": "dev.refer.core.basics.email.EmailAddress"}
for _sub, _names in _DYNAMODB.items():
    for _name in _names:
        CLASS_MOVES["dev.refer.dynamodb." + _name] = "dev.refer.dynamodb." + _sub + "." + _name

# packages that were one package: simple names across them need imports after the split
FAMILIES = [
    {"dev.refer.dynamodb"} | {"dev.refer.dynamodb." + s for s in _DYNAMODB},
    {"dev.refer.core.partner", "dev.refer.core.basics.email"},
]

# static calls whose home moved: (class, old owner, new owner fqn, methods)
CALL_MOVES = [
    ("PlanPayouts", "dev.refer.core.payout.PayoutCalendar", ["cutoff", "periodStart", "previousPeriod"]),
]

# literal rewrites anywhere (old text, new text, the import the new text needs): calendar arithmetic done by hand
LITERAL_REWRITES = [
    ("YearMonth next = month.plusMonths(1);", "YearMonth next = PayoutCalendar.nextPayoutAfter(month);",
     "dev.refer.core.payout.PayoutCalendar"),
    ("next.plusMonths(1).atDay(1)", "PayoutCalendar.payday(next)", "dev.refer.core.payout.PayoutCalendar"),
    ("!month.isBefore(YearMonth.now(clock.withZone(zone)))", "!PayoutCalendar.hasEnded(month, zone, clock.instant())",
     "dev.refer.core.payout.PayoutCalendar"),
]

# modules whose main classes other modules see (for the family imports of a file in another module)
SHARED_MODULES = {"libs/core", "libs/dynamodb"}

# ---------------------------------------------------------------------------------------------------------------------

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
SKIP_DIRS = {".git", "target", "node_modules", ".mvn"}


def java_files():
    out = []
    for d, dirs, files in os.walk(ROOT):
        dirs[:] = [x for x in dirs if x not in SKIP_DIRS]
        out += [os.path.join(d, f) for f in files if f.endswith(".java")]
    return sorted(out)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


PACKAGE_LINE = re.compile(r"^package\s+([\w.]+)\s*;", re.M)


def package_of(text):
    m = PACKAGE_LINE.search(text)
    return m.group(1) if m else ""


def source_root(path, pkg):
    """The source root of a file: its directory minus the package's directories."""
    d = os.path.dirname(path)
    suffix = os.sep + pkg.replace(".", os.sep)
    if pkg and d.endswith(suffix):
        return d[: -len(suffix)]
    return None


def module_of(path):
    rel = os.path.relpath(path, ROOT)
    i = rel.find(os.sep + "src" + os.sep)
    return rel[:i] if i >= 0 else ""


def is_test(path):
    return (os.sep + "src" + os.sep + "test" + os.sep) in path


def tracked(path):
    r = subprocess.run(["git", "ls-files", "--error-unmatch", path], cwd=ROOT, capture_output=True)
    return r.returncode == 0


def new_package(pkg, simple):
    fqn = pkg + "." + simple
    if fqn in CLASS_MOVES:
        return CLASS_MOVES[fqn].rsplit(".", 1)[0]
    for old, new in PACKAGE_RENAMES:
        if pkg == old or pkg.startswith(old + "."):
            return new + pkg[len(old):]
    return pkg


# ---------------------------------------------------------------------------------------------------------------------
# 1. move files

def move_files():
    moved = 0
    for path in java_files():
        text = read(path)
        pkg = package_of(text)
        simple = os.path.basename(path)[:-5]
        target_pkg = new_package(pkg, simple)
        if target_pkg == pkg:
            continue
        root = source_root(path, pkg)
        if root is None:
            print("skipped (directory does not match package):", path)
            continue
        target = os.path.join(root, target_pkg.replace(".", os.sep), simple + ".java")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if os.path.exists(target):
            print("skipped (target exists):", path)
            continue
        if tracked(path):
            subprocess.run(["git", "mv", path, target], cwd=ROOT, check=True)
        else:
            os.rename(path, target)
        text = PACKAGE_LINE.sub("package " + target_pkg + ";", text, count=1)
        write(target, text)
        moved += 1
    print("moved", moved, "files")


# ---------------------------------------------------------------------------------------------------------------------
# 2. rewrite names

def rename_rules():
    rules = []
    for old, new in PACKAGE_RENAMES:
        rules.append((re.compile(r"(?<![\w.])" + re.escape(old) + r"(?![\w])"), new))
    for old, new in CLASS_MOVES.items():
        rules.append((re.compile(r"(?<![\w.])" + re.escape(old) + r"(?![\w])"), new))
    return rules


def rewrite_names():
    rules = rename_rules()
    changed = 0
    for path in java_files():
        text = read(path)
        new = text
        for rx, repl in rules:
            new = rx.sub(repl, new)
        for owner, target, methods in CALL_MOVES:
            simple = target.rsplit(".", 1)[1]
            rx = re.compile(r"(?<![\w.])(?:[\w.]+\.)?" + owner + r"\.(" + "|".join(methods) + r")\s*\(")
            if rx.search(new):
                new = rx.sub(lambda m: simple + "." + m.group(1) + "(", new)
                if package_of(new) != target.rsplit(".", 1)[0]:
                    new = add_import(new, target)
        for old, repl, needs in LITERAL_REWRITES:
            if old in new:
                new = new.replace(old, repl)
                if package_of(new) != needs.rsplit(".", 1)[0]:
                    new = add_import(new, needs)
        if new != text:
            write(path, sort_imports(new))
            changed += 1
    print("rewrote names in", changed, "files")


def sort_imports(text):
    """Sorts each run of adjacent non-static imports (a rewritten name may have changed its place)."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if lines[i].startswith("import ") and not lines[i].startswith("import static "):
            j = i
            while j < len(lines) and lines[j].startswith("import ") and not lines[j].startswith("import static "):
                j += 1
            lines[i:j] = sorted(dict.fromkeys(lines[i:j]))
            i = j
        else:
            i += 1
    return "\n".join(lines)


IMPORT_LINE = re.compile(r"^import\s+(static\s+)?([\w.]+(?:\.\*)?)\s*;[ \t]*\n", re.M)


def add_import(text, fqn):
    """Adds {@code import fqn;} among the non-static imports, in order, unless the simple name is imported already."""
    simple = fqn.rsplit(".", 1)[1]
    imports = [(m.group(1), m.group(2), m) for m in IMPORT_LINE.finditer(text)]
    for static, name, _ in imports:
        if not static and (name == fqn or name.rsplit(".", 1)[-1] == simple):
            return text
    line = "import " + fqn + ";\n"
    plain = [m for static, name, m in imports if not static]
    # place it in sorted order within the first block of dev.refer imports, else before the first import
    dev = [m for m in plain if m.group(2).startswith("dev.refer.")]
    if dev:
        if any(m.group(2) == fqn for m in dev):
            return text
        for m in dev:
            if m.group(2) > fqn:
                return text[: m.start()] + line + text[m.start():]
        last = dev[-1]
        return text[: last.end()] + line + text[last.end():]
    if imports:
        first = imports[0][2]
        return text[: first.start()] + line + "\n" + text[first.start():]
    pm = PACKAGE_LINE.search(text)
    end = text.index("\n", pm.end()) + 1
    return text[:end] + "\n" + line + text[end:]


# ---------------------------------------------------------------------------------------------------------------------
# 3. imports across a split family, 4. visibility

def mask(text):
    """The text with comments, string, text-block and char literals blanked (same length, newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            j = n if j < 0 else j + 3
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def code_body(masked):
    """The masked text without its package and import lines."""
    return IMPORT_LINE.sub("", PACKAGE_LINE.sub("", masked))


class JavaFile:
    def __init__(self, path):
        self.path = path
        self.text = read(path)
        self.pkg = package_of(self.text)
        self.simple = os.path.basename(path)[:-5]
        self.module = module_of(path)
        self.test = is_test(path)
        self.masked = mask(self.text)
        self.body = code_body(self.masked)
        self.tokens = set(re.findall(r"(?<![\w.])[A-Z]\w*", self.body))
        self.words = set(re.findall(r"\w+", self.body))
        self.imported = {}
        for m in IMPORT_LINE.finditer(self.text):
            if not m.group(1) and not m.group(2).endswith(".*"):
                self.imported[m.group(2).rsplit(".", 1)[1]] = m.group(2)


def family_of(pkg):
    for fam in FAMILIES:
        if pkg in fam:
            return fam
    return None


def visible(owner, user):
    """Whether {@code user}'s source set sees {@code owner}'s class."""
    if owner.module == user.module:
        return user.test or not owner.test
    return owner.module in SHARED_MODULES and not owner.test


def family_imports(files):
    changed = 0
    for fam in FAMILIES:
        members = [f for f in files if f.pkg in fam]
        for f in members:
            text = f.text
            own_package = {g.simple for g in members if g.pkg == f.pkg and visible(g, f)}
            for g in members:
                if g.pkg == f.pkg or g.simple not in f.tokens or g.simple in own_package or g.simple == f.simple:
                    continue
                if not visible(g, f) or g.simple in f.imported:
                    continue
                text = add_import(text, g.pkg + "." + g.simple)
                f.imported[g.simple] = g.pkg + "." + g.simple
            if text != f.text:
                write(f.path, text)
                f.text = text
                changed += 1
    print("added family imports in", changed, "files")


DECL_START = re.compile(r"^(\s*)(?:(?:static|final|abstract|sealed|non-sealed|strictfp|synchronized|default|transient|"
                        r"volatile|native)\s+)*")
TYPE_DECL = re.compile(r"\b(class|record|interface|enum)\s+(\w+)")
NOT_DECL = re.compile(r"^(private|public|protected|return|throw|yield|if|for|while|switch|case|else|try|catch|finally|"
                      r"do|new|this|super|break|continue|assert|import|package)\b")


def blocks(masked):
    """For each line start offset: the stack of enclosing blocks as (kind, name, indent) tuples."""
    stack = []
    result = {}
    last = 0  # start of the current statement/declaration header
    line_start = True
    for i, c in enumerate(masked):
        if line_start:
            result[i] = list(stack)
            line_start = False
        if c == "\n":
            line_start = True
        elif c == "{":
            header = masked[last:i]
            m = TYPE_DECL.search(header) if "(" not in header.split("=")[0] or TYPE_DECL.search(header.split("(")[0]) \
                else None
            if m and "new " not in header:
                stack.append((m.group(1), m.group(2)))
            else:
                stack.append(("code", None))
            last = i + 1
        elif c == "}":
            if stack:
                stack.pop()
            last = i + 1
        elif c == ";":
            last = i + 1
    return result


def members(f):
    """Package-private member declarations of the types of {@code f}: (line offset, kind, name, owner type path)."""
    found = []
    starts = blocks(f.masked)
    offset = 0
    for line in f.masked.split("\n"):
        stack = starts.get(offset, [])
        begin = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped or stripped.startswith("@") or stripped.startswith("}") or stripped.startswith("{"):
            if not (stripped.startswith("@") and TYPE_DECL.search(stripped)):
                continue
        indent = len(line) - len(line.lstrip(" "))
        depth = len(stack)
        types = [s for s in stack if s[0] != "code"]
        if indent != 4 * depth:
            continue
        # top-level type declarations
        if depth == 0:
            m = TYPE_DECL.search(stripped)
            if m and not re.match(r"(public|private|protected)\b", stripped):
                found.append((begin + indent, "type", m.group(2), ()))
            continue
        owner = stack[-1]
        if owner[0] in ("code", "interface") or any(s[0] == "code" for s in stack):
            continue
        path = tuple(s[1] for s in types)
        rest = DECL_START.sub("", line)
        if NOT_DECL.match(rest):
            continue
        if owner[0] == "enum" and re.match(r"[A-Z][A-Z0-9_]*\s*(\(|,|;|\{|$)", rest.strip()):
            continue  # an enum constant
        m = TYPE_DECL.match(rest) or (TYPE_DECL.search(rest) if re.match(r"(\w+\s+)*(class|record|interface|enum)\b",
                                                                           rest) else None)
        if m:
            found.append((begin + indent, "type", m.group(2), path))
            continue
        m = re.match(r"(?:<[^>]*>\s+)?([\w<>\[\],.? ]+?)\s+(\w+)\s*\(", rest)
        if m and "=" not in rest[: m.end()] and "->" not in rest[: m.end()]:
            found.append((begin + indent, "method", m.group(2), path))
            continue
        m = re.match(r"(\w+)\s*[({]", rest)
        if m and m.group(1) == owner[1]:
            found.append((begin + indent, "constructor", m.group(1), path))
            continue
        m = re.match(r"([\w<>\[\],.? ]+?)\s+(\w+)\s*(=|;|,)", rest)
        if m:
            found.append((begin + indent, "field", m.group(2), path))
    return found


def open_for_family(files):
    opened = 0
    for fam in FAMILIES:
        fam_files = [f for f in files if f.pkg in fam]
        for f in fam_files:
            users = [g for g in files if g.pkg != f.pkg and g is not f and visible(f, g)
                     and ((g.pkg in fam and f.simple in g.tokens) or (f.pkg + "." + f.simple) in g.masked)]
            if not users:
                continue
            words = set().union(*(g.words for g in users))
            created = any(re.search(r"\bnew\s+(?:[\w.]+\.)?" + re.escape(f.simple) + r"\b\s*[(<]", g.body)
                          or re.search(r"\b" + re.escape(f.simple) + r"::new\b", g.body) for g in users)
            inserts = []
            for pos, kind, name, path in members(f):
                if kind == "type" and not path:
                    if name == f.simple:
                        inserts.append(pos)
                    continue
                if kind == "constructor":
                    nested = path[-1] if path else f.simple
                    use = created if nested == f.simple else any(
                        re.search(r"\bnew\s+(?:[\w.]+\.)?" + re.escape(nested) + r"\b\s*[(<]", g.body)
                        or re.search(r"\b" + re.escape(nested) + r"::new\b", g.body) for g in users)
                    if use:
                        inserts.append(pos)
                elif name in words:
                    inserts.append(pos)
            if inserts:
                text = f.text
                for pos in sorted(inserts, reverse=True):
                    text = text[:pos] + "public " + text[pos:]
                write(f.path, text)
                opened += 1
                f.__init__(f.path)
    print("opened members in", opened, "files")


def main():
    move_files()
    rewrite_names()
    files = [JavaFile(p) for p in java_files()]
    family_imports(files)
    files = [JavaFile(p) for p in java_files()]
    open_for_family(files)


if __name__ == "__main__":
    main()

"""Reference values of ln|2F1(a, b; c; z)| for packages/models/test/hyp2f1Reference.test.ts.

Run from the repository root:  python3 packages/models/test/reference/hyp2f1Reference.py
It rewrites packages/models/test/reference/hyp2f1Reference.csv: comment lines starting with "#" (how it
was made), then a header and one case per line: region,a,b,c,z,logAbs,sign.

Every parameter is a binary64 double, written with repr() so TypeScript parses the very same number,
and mpmath evaluates the function at that exact binary value. Each value is computed twice, at 40 and
at 60 significant digits (mpmath picks its own transformations and series near z = 1, independent of
the TypeScript code), and kept only when both agree to 25 digits, so the 20 digits written are right.

The grid covers the region every model's 2F1 lies in, 0 < a, b < c (Euler's integral region: Pareto/NBD
has c = a + 1 > b, sBG has a = 1 and c = alpha + beta + n > b = beta + n), and its surroundings:
- a general grid: a, b from 0.3 to 300, c just above max(a, b), at, just off (1e-8) and above a + b
  (integer and near-integer c - a - b, where the z -> 1 - z connection formula has poles), 2(a + b)
  and c = a + 1, with z in {-20, -0.7, 0.3, 0.5, 0.75, 0.9, 0.99, 1 - 1e-6, 1 - 1e-9};
- Pareto/NBD's 2F1(r+s+x, s+1 or r+x; r+s+x+1; z) with s from 1e-8 (the no-dropout boundary) to 5000 (s and beta both large: a homogeneous dropout rate)
  and x up to 400;
- sBG's 2F1(1, beta+n; alpha+beta+n; 1/(1+d)) with small discount rates d.
"""
import os
import sys

import mpmath

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "hyp2f1Reference.csv")


def log_abs_and_sign(a, b, c, z, dps):
    with mpmath.workdps(dps):
        try:
            v = mpmath.hyp2f1(mpmath.mpf(a), mpmath.mpf(b), mpmath.mpf(c), mpmath.mpf(z), maxterms=10**6)
        except mpmath.libmp.libhyper.NoConvergence:
            return None, 0
        if v == 0:
            return None, 0
        return mpmath.log(abs(v)), (1 if v > 0 else -1)


def reference(a, b, c, z):
    lo, sign_lo = log_abs_and_sign(a, b, c, z, 40)
    hi, sign_hi = log_abs_and_sign(a, b, c, z, 60)
    if sign_lo != sign_hi or sign_hi == 0:
        return None
    with mpmath.workdps(60):
        scale = max(mpmath.mpf(1), abs(hi))
        if abs(hi - lo) > mpmath.mpf(10) ** -25 * scale:
            return None
        return {"a": repr(a), "b": repr(b), "c": repr(c), "z": repr(z),
                "logAbs": mpmath.nstr(hi, 22), "sign": sign_hi}


def cases():
    zs = [-20.0, -0.7, 0.3, 0.5, 0.75, 0.9, 0.99, 1 - 1e-6, 1 - 1e-9]
    for a in [0.3, 1.0, 2.5, 40.0, 250.0]:
        for b in [0.6, 1.7, 30.0, 300.0]:
            for kind, c in [("c=max+0.5", max(a, b) + 0.5), ("c=a+b", a + b),
                            ("c=a+b+1e-8", a + b + 1e-8), ("c=a+b+2.5", a + b + 2.5),
                            ("c=2(a+b)", 2 * (a + b)), ("c=a+1", a + 1.0)]:
                if not (b < c):
                    continue
                for z in zs:
                    yield ("grid " + kind, a, b, c, z)
    r, alpha = 0.55, 10.0
    for s in [1e-8, 1e-4, 0.6, 2.0, 5000.0]:
        for x in [0, 1, 5, 50, 400]:
            for big in [12.0, 167.0, 1e4, 1e8]:
                for t in [0.0, 30.0, 52.0]:
                    a, c = r + s + x, r + s + x + 1
                    # alpha < beta = big: 2F1(r+s+x, r+x; r+s+x+1; (beta-alpha)/(beta+t))
                    yield ("pareto alpha<beta", a, r + x, c, (big - alpha) / (big + t))
                    # alpha = big > beta = 1: 2F1(r+s+x, s+1; r+s+x+1; (alpha-beta)/(alpha+t))
                    yield ("pareto alpha>beta", a, s + 1, c, (big - 1.0) / (big + t))
    for alpha, beta in [(0.668, 3.806), (0.2, 40.0), (3.0, 0.5)]:
        for n in [1, 12, 200]:
            for d in [0.1, 0.01, 1e-4]:
                yield ("sbg", 1.0, beta + n, alpha + beta + n, 1 / (1 + d))


def main():
    rows = []
    dropped = 0
    for region, a, b, c, z in cases():
        ref = reference(a, b, c, z)
        if ref is None:
            dropped += 1
            continue
        ref["region"] = region
        rows.append(ref)
    about = [
        "ln|2F1(a,b;c;z)| and its sign from mpmath " + mpmath.__version__ + " at 60 significant digits,",
        "each agreeing with a 40-digit evaluation to 25 digits (cases where they disagree are dropped: "
        + str(dropped) + ").",
        "a, b, c, z are binary64 doubles written with Python repr(), so TypeScript parses the same numbers.",
        "Made by packages/models/test/reference/hyp2f1Reference.py; rerun it to regenerate.",
    ]
    with open(OUT, "w") as f:
        for line in about:
            f.write("# " + line + "\n")
        f.write("region,a,b,c,z,logAbs,sign\n")
        for row in rows:
            f.write(",".join([row["region"], row["a"], row["b"], row["c"], row["z"], row["logAbs"],
                              str(row["sign"])]) + "\n")
    print(f"{len(rows)} cases written, {dropped} dropped", file=sys.stderr)


if __name__ == "__main__":
    main()

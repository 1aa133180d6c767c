#!/usr/bin/env python3
"""Draws nuget/icon.png (128x128): a white X over a blue rounded square, with three "disk" bars under it.
Pure Python (zlib only), so the icon can be redrawn anywhere: python3 nuget/make-icon.py"""
import os
import struct
import zlib

N = 128
BLUE = (28, 78, 150, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def inside_rounded(x, y, r=22):
    cx = min(max(x, r), N - 1 - r)
    cy = min(max(y, r), N - 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def pixel(x, y):
    if not inside_rounded(x, y):
        return CLEAR
    # The X: two strokes between (30,20)-(98,88) and (98,20)-(30,88), 9 px from the line each side.
    if 20 <= y <= 88 and 26 <= x <= 102:
        if abs((x - 30) - (y - 20)) <= 12 or abs((98 - x) - (y - 20)) <= 12:
            return WHITE
    # Three bars (a disk image's blocks) under the X.
    if 98 <= y <= 110:
        for left in (26, 54, 82):
            if left <= x <= left + 20:
                return WHITE
    return BLUE


def png(width, height, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png")
    with open(out, "wb") as f:
        f.write(png(N, N, [[pixel(x, y) for x in range(N)] for y in range(N)]))

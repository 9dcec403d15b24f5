#!/usr/bin/env python3
"""Draws the two test images of docs/ky-so.md and of the signing test (tests/ky_so.rs):

- chu-ky.png: a made-up handwritten signature in blue on a transparent background, 2:1 like
  the signer's field (60 x 30 mm at 300 dpi);
- dau.png: a made-up round seal in red on a transparent background, 36 mm across at 300 dpi
  (the default seal size), marked as a test seal in its ring.

Neither belongs to anyone: they only show what a văn thư's real images look like (ND 30/2020,
Phụ lục I, II.7.d and II.8.a: PNG, transparent background, blue signature, red seal at its real
size). Run from the repository root with Pillow installed (the venv .ci/run makes has it):

    python3 docs/ky-so/make-images.py
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent.parent / "fonts" / "LiberationSerif-Bold.ttf"
DPI = 300
MM = DPI / 25.4
BLUE = (20, 50, 190, 255)
RED = (220, 30, 35, 255)
SCALE = 4  # drawn 4x larger, then reduced: smooth edges


def signature() -> Image.Image:
    w, h = round(60 * MM), round(30 * MM)
    img = Image.new("RGBA", (w * SCALE, h * SCALE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    points = []
    # A looping stroke rising to the right, then an underline flourish.
    for i in range(400):
        t = i / 399
        x = 0.08 + 0.78 * t
        y = 0.58 - 0.18 * t + 0.16 * math.sin(t * math.pi * 7) * (1 - 0.4 * t)
        x += 0.05 * math.cos(t * math.pi * 7)
        points.append((x * w * SCALE, y * h * SCALE))
    draw.line(points, fill=BLUE, width=6 * SCALE, joint="curve")
    flourish = [
        ((0.12 + 0.8 * t) * w * SCALE, (0.78 - 0.1 * t + 0.05 * math.sin(t * 6)) * h * SCALE)
        for t in (i / 99 for i in range(100))
    ]
    draw.line(flourish, fill=BLUE, width=4 * SCALE, joint="curve")
    return img.resize((w, h), Image.LANCZOS)


def ring_text(img, text, radius, size, centre):
    """Capitals around the top of the ring, each letter turned to face the centre."""
    font = ImageFont.truetype(str(FONT), size)
    widths = [font.getlength(c) for c in text]
    total = sum(widths) / radius  # radians the text spans
    angle = -math.pi / 2 - total / 2
    for char, width in zip(text, widths):
        half = width / 2 / radius
        angle += half
        box = Image.new("RGBA", (size * 2, size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(box).text((size, size), char, font=font, fill=RED, anchor="mm")
        box = box.rotate(-math.degrees(angle) - 90, resample=Image.BICUBIC)
        x = centre + radius * math.cos(angle) - size
        y = centre + radius * math.sin(angle) - size
        img.alpha_composite(box, (round(x), round(y)))
        angle += half


def seal() -> Image.Image:
    d = round(36 * MM) * SCALE
    img = Image.new("RGBA", (d, d), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    c = d / 2
    for r, width in ((c - 2 * SCALE, 5 * SCALE), (c - 12 * SCALE, 2 * SCALE), (c * 0.52, 3 * SCALE)):
        draw.ellipse((c - r, c - r, c + r, c + r), outline=RED, width=width)
    ring_text(img, "MẪU THỬ • VANBAN • KHÔNG CÓ GIÁ TRỊ", c * 0.76, 40 * SCALE, c)
    star = [
        (c + c * 0.3 * (1 if k % 2 == 0 else 0.42) * math.cos(-math.pi / 2 + k * math.pi / 5),
         c + c * 0.3 * (1 if k % 2 == 0 else 0.42) * math.sin(-math.pi / 2 + k * math.pi / 5))
        for k in range(10)
    ]
    draw.polygon(star, fill=RED)
    return img.resize((d // SCALE, d // SCALE), Image.LANCZOS)


if __name__ == "__main__":
    for name, image in (("chu-ky.png", signature()), ("dau.png", seal())):
        path = HERE / name
        # 16 colours compress to a fraction of the size, but stay 32-bit RGBA: a palette
        # PNG's transparency is lost by some signing tools (pyHanko draws it black).
        image = image.quantize(16, method=Image.Quantize.FASTOCTREE).convert("RGBA")
        image.save(path, optimize=True, dpi=(DPI, DPI))
        print(f"{path}: {image.size[0]} x {image.size[1]} px, {path.stat().st_size} bytes")

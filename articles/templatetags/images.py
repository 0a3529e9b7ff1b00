"""`{% picture image sizes="..." %}`: a responsive picture from the stored renditions."""

from django import template

from articles.models import Image, ImageRendition

register = template.Library()

# The <img> fallback's own src: wide enough for most screens without being the heaviest file.
DEFAULT_SRC_WIDTH = 960


def _srcset(renditions: list[ImageRendition]) -> str:
    return ", ".join(f"{r.file.url} {r.width}w" for r in renditions)


@register.inclusion_tag("articles/_picture.html")
def picture(
    image: Image,
    sizes: str = "100vw",
    loading: str = "lazy",
    caption: bool = True,
    css_class: str = "",
) -> dict:
    """A <figure> with a <picture> (WebP sources, JPEG <img>), the alt text and the credit.

    Reads `image.renditions.all()`, so prefetch `lead_image__renditions` in the view. An image
    without renditions falls back to its stored original. `loading="eager"` is for the picture
    at the top of a page, which should not wait for layout.
    """
    renditions = list(image.renditions.all())
    webp = [r for r in renditions if r.format == ImageRendition.Format.WEBP]
    jpeg = [r for r in renditions if r.format == ImageRendition.Format.JPEG]
    fallback = max(
        (r for r in jpeg if r.width <= DEFAULT_SRC_WIDTH), key=lambda r: r.width, default=None
    ) or (jpeg[0] if jpeg else None)
    return {
        "image": image,
        "sizes": sizes,
        "webp_srcset": _srcset(webp),
        "jpeg_srcset": _srcset(jpeg),
        "src": fallback.file.url if fallback else image.file.url,
        "width": fallback.width if fallback else image.width,
        "height": fallback.height if fallback else image.height,
        "loading": loading,
        "caption": caption,
        "css_class": css_class,
    }

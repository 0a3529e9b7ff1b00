"""Images and their renditions."""

from django.db import models


class Image(models.Model):
    """A picture with the alt text and credit that every public use of it needs."""

    file = models.ImageField(upload_to="images/%Y/%m/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        max_length=300,
        help_text="What the picture shows, for readers who cannot see it. Required.",
    )
    credit = models.CharField(
        max_length=200, help_text="Photographer and agency, as the licence requires. Required."
    )
    caption = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(alt_text=""), name="image_alt_text_set"),
            models.CheckConstraint(condition=~models.Q(credit=""), name="image_credit_set"),
        ]

    def __str__(self) -> str:
        return self.alt_text


class ImageRendition(models.Model):
    """A resized copy of an image, made once and stored."""

    class Format(models.TextChoices):
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    format = models.CharField(max_length=8, choices=Format.choices)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    file = models.ImageField(upload_to="renditions/%Y/%m/")

    class Meta:
        ordering = ["format", "width"]
        constraints = [
            models.UniqueConstraint(
                fields=["image", "format", "width"], name="rendition_unique_size"
            )
        ]

    def __str__(self) -> str:
        return f"{self.image} {self.width}w {self.format}"

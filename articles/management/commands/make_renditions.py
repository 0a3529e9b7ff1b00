"""Make the renditions that images lack.

Uploads through the admin get their renditions from the task worker (image_create enqueues
them). Images that came in another way (a data import, a restored backup, a new standard width
added to RENDITION_WIDTHS) have none or too few, and the public pages would fall back to the
full-size original; this command makes the missing ones, once, and stores them.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from articles.models import Image
from articles.services.images import image_make_renditions, rendition_widths


class Command(BaseCommand):
    help = "Make and store the WebP and JPEG renditions that images lack."

    def add_arguments(self, parser):
        parser.add_argument("image_ids", nargs="*", type=int, help="Only these images (ids).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say which images lack renditions; write nothing.",
        )

    def handle(self, *args, image_ids: list[int], **options):
        images = Image.objects.prefetch_related("renditions").order_by("pk")
        if image_ids:
            images = images.filter(pk__in=image_ids)
            missing_ids = set(image_ids) - set(images.values_list("pk", flat=True))
            if missing_ids:
                raise CommandError(f"No image with id {', '.join(map(str, sorted(missing_ids)))}.")
        made = failed = 0
        for image in images:
            have = {(r.format, r.width) for r in image.renditions.all()}
            wanted = {(f, w) for f in ("webp", "jpeg") for w in rendition_widths(image.width)}
            if image.width and wanted <= have:
                continue
            if options["dry_run"]:
                self.stdout.write(f"Image {image.pk} lacks {len(wanted - have)} renditions.")
                continue
            try:
                count = image_make_renditions(image=image)
            except (ValidationError, OSError) as exc:
                failed += 1
                message = "; ".join(getattr(exc, "messages", [str(exc)]))
                self.stderr.write(f"Image {image.pk} ({image.file.name}): {message}")
                continue
            made += count
            if options["verbosity"] >= 2:
                self.stdout.write(f"Image {image.pk}: {count} renditions made.")
        if options["verbosity"] >= 1 and not options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"{made} renditions made."))
        if failed:
            raise CommandError(f"{failed} images could not be read; see the messages above.")

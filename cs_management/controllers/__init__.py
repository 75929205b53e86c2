from . import main
from . import faq

from . import main
from . import faq
from . import social_api

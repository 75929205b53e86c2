from . import test_web_form
from . import test_web_form_tour

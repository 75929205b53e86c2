from . import test_measures
from . import test_outcomes
from . import test_peers
from . import test_periods
from . import test_scoring
from . import test_tour
from . import test_workflow
from . import test_edit_rights

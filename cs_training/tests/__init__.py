from . import test_score
from . import test_failure_path
from . import test_gate
from . import test_certificates
from . import test_needs_plans
from . import test_records
from . import test_access
from . import test_tour

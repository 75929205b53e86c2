"""18.0.1.1.0: the training rules apply to service-training courses only.

Up to 18.0.1.0.0 every course was examined and certified by them: each
existing course stays a service-training course, so nothing changes in
meaning; courses created from now on outside the Training app are not.
"""


def migrate(cr, version):
    cr.execute("UPDATE hr_course SET cs_service_training = TRUE")

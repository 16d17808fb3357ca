"""Client side: the trader-facing SDK (`client.PerpClient`), unit conversions (`units`) and the
reference integer maths of the curve and the positions (`curve`)."""
